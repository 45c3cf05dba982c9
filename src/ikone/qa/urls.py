from django.urls import path

from ikone.qa.views import answers, coordination, faq, moderation, questions

app_name = "qa"

urlpatterns = [
    path("", questions.question_list, name="list"),
    path("neu/", questions.question_create, name="create"),
    path("pruefen/", coordination.review_list, name="review_list"),
    path("auswertung/", coordination.figures, name="figures"),
    path("<int:pk>/", questions.question_detail, name="detail"),
    path("<int:pk>/antworten/", answers.answer_create, name="answer"),
    path("<int:pk>/folgen/", questions.question_follow, name="follow"),
    path("<int:pk>/bearbeiten/", moderation.question_edit, name="question_edit"),
    path("<int:pk>/zurueckziehen/", moderation.question_withdraw, name="question_withdraw"),
    path(
        "<int:pk>/entfernen-lassen/",
        moderation.question_request_removal,
        name="question_request_removal",
    ),
    path("<int:pk>/ausblenden/", moderation.question_hide, name="question_hide"),
    path("<int:pk>/einblenden/", moderation.question_unhide, name="question_unhide"),
    path("<int:pk>/nicht-mehr-folgen/", questions.question_unfollow, name="unfollow"),
    path("<int:pk>/faq/", faq.faq_publish, name="faq_publish"),
    path("<int:pk>/faq/bestaetigen/", faq.faq_review_confirm, name="faq_review_confirm"),
    path("<int:pk>/faq/zurueckziehen/", faq.faq_unpublish, name="faq_unpublish"),
    path("antworten/<int:pk>/bearbeiten/", answers.answer_edit, name="answer_edit"),
    path("antworten/<int:pk>/offiziell/", answers.answer_official, name="answer_official"),
    path(
        "antworten/<int:pk>/bestaetigen/",
        answers.answer_review_confirm,
        name="answer_review_confirm",
    ),
]
