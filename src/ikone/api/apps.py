from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "ikone.api"
    label = "api"
