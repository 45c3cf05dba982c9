"""IKONE's own locale formats (FORMAT_MODULE_PATH). German uses Django's;
English follows British usage, day before month: "14 January 2027",
"14/01/2027", "12,500.50"."""
