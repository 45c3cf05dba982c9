"""Access-matrix rows of the network overview (see tests/access.py):
coordinators and administrators only; "Netzwerk in Zahlen" is public."""

from tests.access import COORDINATION, PUBLIC

#             anonymous, staff_a, staff_b, contact_a, mentor, coordinator, admin
ROWS = {
    "network:overview": COORDINATION,
    "network:organizations": COORDINATION,
    "network:figure": COORDINATION,
    "network:chart_download": COORDINATION,
    "network:retention": COORDINATION,
    "network:public_figures": PUBLIC,
}

PARAMETERS = {
    "figure_key": lambda values: "qa.asked",
    "chart_key": lambda values: "qa.answer_times",
    "extension": lambda values: "csv",
}
