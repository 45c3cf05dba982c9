from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ikone.accounts"
    label = "accounts"
