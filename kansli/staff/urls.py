"""The secretariat's addresses, under /hantera/. Fixed words come before the body and meeting
patterns, which would otherwise take them for slugs."""

from django.urls import path

from kansli.staff.views import attachments, attendance, bodies, items, meetings, protocol

app_name = "staff"

MEETING = "<slug:body>/<slug:meeting>/"
ITEM = MEETING + "punkter/<int:pk>/"

urlpatterns = [
    path("", bodies.home, name="home"),
    path("moten/", bodies.meetings, name="meetings"),
    path("<slug:body>/", bodies.body, name="body"),
    path("<slug:body>/nytt-mote/", meetings.new_meeting, name="new_meeting"),
    path("<slug:body>/dagordningsmall/", bodies.agenda_template, name="agenda_template"),
    path(MEETING, meetings.meeting, name="meeting"),
    path(MEETING + "andra/", meetings.edit_meeting, name="edit_meeting"),
    path(MEETING + "historik/", meetings.history, name="history"),
    path(MEETING + "narvaro/", attendance.rollcall, name="rollcall"),
    path(MEETING + "narvaro/hamta-ledamoter/", attendance.fill, name="rollcall_fill"),
    path(MEETING + "narvaro/lagg-till/", attendance.add, name="rollcall_add"),
    path(MEETING + "narvaro/utses/", attendance.appoint, name="appoint"),
    path(MEETING + "punkter/ny/", items.new_item, name="new_item"),
    path(ITEM, items.write_item, name="item"),
    path(ITEM + "flytta/", items.move, name="move_item"),
    path(ITEM + "ta-bort/", items.delete_item, name="delete_item"),
    path(ITEM + "bilagor/", attachments.upload, name="upload"),
    path(ITEM + "<slug:part>/", protocol.add_part, name="add_part"),
    path(ITEM + "<slug:part>/<int:part_pk>/ta-bort/", protocol.delete_part, name="delete_part"),
    path(MEETING + "bilagor/<int:pk>/ta-bort/", attachments.delete, name="delete_attachment"),
    path(MEETING + "bilagor/<int:pk>/<str:name>", attachments.download, name="attachment"),
]
