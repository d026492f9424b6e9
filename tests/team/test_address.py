"""A team plan's URL, read in one place: what it names, how it is shown (never with the
password), and the one-line refusals of what is not a plan's URL. No server needed."""

from __future__ import annotations

import pytest

from revorg.model.team.address import is_team_url, parse_plan_url
from revorg.model.team.errors import TeamPlanError


def test_the_issues_example_url() -> None:
    address = parse_plan_url("postgresql://ana@db.example.com:5432/revorg?plan=Acme%20FY27")
    assert (address.user, address.host, address.port) == ("ana", "db.example.com", 5432)
    assert (address.database, address.plan, address.password) == ("revorg", "Acme FY27", None)
    assert address.shown() == "postgresql://ana@db.example.com:5432/revorg?plan=Acme%20FY27"
    assert address.server == "db.example.com:5432/revorg"


def test_defaults_port_and_database() -> None:
    address = parse_plan_url("postgres://ana@db?plan=A")
    assert (address.port, address.database) == (5432, "revorg")
    assert address.shown() == "postgresql://ana@db:5432/revorg?plan=A"


def test_a_password_in_the_url_is_used_but_never_shown() -> None:
    address = parse_plan_url("postgresql://ana:S3cret%21@db:6543/plans?plan=A%26B&sslmode=require")
    assert address.password == "S3cret!"
    assert address.connection_options()["password"] == "S3cret!"
    assert address.connection_options()["sslmode"] == "require"
    for text in (address.shown(), repr(address), address.server_url(), address.server):
        assert "S3cret" not in text
    assert address.shown() == "postgresql://ana@db:6543/plans?plan=A%26B&sslmode=require"
    assert address.plan == "A&B"


def test_plan_names_with_quotes_and_sql_survive_the_round_trip() -> None:
    from urllib.parse import quote

    name = 'Acme "FY27"; DROP TABLE plans; -- \' 计划'
    again = parse_plan_url(f"postgresql://ana@db/revorg?plan={quote(name)}")
    assert again.plan == name and parse_plan_url(again.shown()).plan == name


def test_a_socket_folder_or_an_ipv6_host_is_shown_as_it_was_given() -> None:
    socket = parse_plan_url("postgresql://ana@%2Fvar%2Frun%2Fpostgresql/revorg?plan=A")
    assert socket.host == "/var/run/postgresql"
    assert parse_plan_url(socket.shown()).host == "/var/run/postgresql"
    ipv6 = parse_plan_url("postgresql://ana@[::1]:5433/revorg?plan=A")
    assert (ipv6.host, ipv6.port) == ("::1", 5433)
    assert ipv6.shown() == "postgresql://ana@[::1]:5433/revorg?plan=A"


def test_only_postgresql_urls_are_team_plans() -> None:
    assert is_team_url("postgresql://db?plan=A") and is_team_url("POSTGRES://db?plan=A")
    assert not is_team_url("plan.revorg") and not is_team_url("postgresql.revorg")


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("postgresql://ana:Pw1@db/revorg", "the URL names no plan"),
        ("postgresql://ana:Pw1@db/revorg?plan=", "the URL names no plan"),
        ("postgresql://ana:Pw1@db/revorg?plan=A&plan=B", "the URL names no plan"),
        ("postgresql://ana:Pw1@db:99999/revorg?plan=A", "port is not a number"),
        ("postgresql://ana:Pw1@db:x/revorg?plan=A", "port is not a number"),
        (
            "postgresql://ana:Pw1@db/revorg?plan=A&password=Pw2",
            "unknown option in the URL: password",
        ),
        ("postgresql://ana:Pw1@db/a/b?plan=A", "names no database"),
        ("postgresql://ana:Pw1@db/revorg?plan=A%0Ab", "no control characters"),
        ("postgresql://ana:Pw1@db/revorg?plan=A#x", "no #fragment"),
    ],
)
def test_what_is_not_a_plan_url_is_refused_in_one_line_without_the_password(
    url: str, words: str
) -> None:
    with pytest.raises(TeamPlanError) as raised:
        parse_plan_url(url)
    message = str(raised.value)
    assert words in message and "\n" not in message
    assert "Pw1" not in message and "Pw2" not in message
