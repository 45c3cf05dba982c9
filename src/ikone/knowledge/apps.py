from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "ikone.knowledge"
    label = "knowledge"
