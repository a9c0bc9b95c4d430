"""Configuration comes from the environment; a wrong value stops the start and names the variable."""

from __future__ import annotations

import stat

import pytest

from server.settings import ConfigError, Settings


def test_defaults_follow_the_spec(tmp_path):
    s = Settings.from_env({"AGENDA_DATA_DIR": str(tmp_path)})
    assert s.database_url == f"sqlite://{tmp_path / 'agenda.sqlite3'}"
    assert (s.host, s.port, s.log_level, s.demo) == ("127.0.0.1", 8000, "info", True)
    assert s.provision_meili and s.meili_url is None


def test_secret_is_generated_once_and_kept_private(tmp_path):
    first = Settings.from_env({"AGENDA_DATA_DIR": str(tmp_path)}).secret
    second = Settings.from_env({"AGENDA_DATA_DIR": str(tmp_path)}).secret
    assert first == second and len(first) >= 32
    mode = (tmp_path / "secret.key").stat().st_mode
    assert stat.S_IMODE(mode) == 0o600


@pytest.mark.parametrize(
    "env, variable",
    [
        ({"AGENDA_PORT": "eighty"}, "AGENDA_PORT"),
        ({"AGENDA_PORT": "70000"}, "AGENDA_PORT"),
        ({"AGENDA_LOG_LEVEL": "loud"}, "AGENDA_LOG_LEVEL"),
        ({"AGENDA_DEMO": "maybe"}, "AGENDA_DEMO"),
        ({"DATABASE_URL": "mysql://x/y"}, "DATABASE_URL"),
        ({"MEILI_URL": "localhost:7700"}, "MEILI_URL"),
        ({"MEILI_MASTER_KEY": "k" * 20}, "MEILI_MASTER_KEY"),
        ({"AGENDA_SECRET": "short"}, "AGENDA_SECRET"),
        ({"AGENDA_SMTP_URL": "mail.seoul.go.kr:587"}, "AGENDA_SMTP_URL"),
        ({"AGENDA_SMTP_URL": "http://mail.seoul.go.kr"}, "AGENDA_SMTP_URL"),
        ({"AGENDA_SMTP_URL": "smtp://user:pass@mail.seoul.go.kr:99999"}, "AGENDA_SMTP_URL"),
        ({"AGENDA_SMTP_URL": "smtp://:587"}, "AGENDA_SMTP_URL"),
        ({"AGENDA_MAIL_FROM": "no address here"}, "AGENDA_MAIL_FROM"),
    ],
)
def test_invalid_configuration_names_the_variable(tmp_path, env, variable):
    with pytest.raises(ConfigError) as exc:
        Settings.from_env({"AGENDA_DATA_DIR": str(tmp_path), **env})
    assert variable in str(exc.value)


def test_external_services_are_used_as_given(tmp_path):
    s = Settings.from_env({
        "AGENDA_DATA_DIR": str(tmp_path), "DATABASE_URL": "postgres://db.internal:5432/agenda",
        "MEILI_URL": "https://search.internal:7700/", "MEILI_MASTER_KEY": "m" * 32,
        "AGENDA_SECRET": "s" * 40, "AGENDA_DEMO": "0",
    })
    assert s.meili_url == "https://search.internal:7700" and not s.provision_meili
    assert s.secret == "s" * 40 and not s.demo and not (tmp_path / "secret.key").exists()


@pytest.mark.parametrize("raw, message", [
    ("0", "AGENDA_WORKERS must be between 1 and 64, got 0"),
    ("65", "AGENDA_WORKERS must be between 1 and 64, got 65"),
    ("two", "AGENDA_WORKERS must be an integer, got 'two'"),
])
def test_server_processes_are_one_per_core_unless_a_sane_number_is_given(tmp_path, raw, message):
    import os

    base = {"AGENDA_DATA_DIR": str(tmp_path)}
    assert Settings.from_env(base).workers == max(1, min(os.cpu_count() or 1, 64))
    assert Settings.from_env({**base, "AGENDA_WORKERS": "3"}).workers == 3
    with pytest.raises(ConfigError) as err:
        Settings.from_env({**base, "AGENDA_WORKERS": raw})
    assert str(err.value) == message


def test_the_provisioned_meilisearch_indexes_with_its_default_threads_unless_told(tmp_path):
    import os

    cores = len(os.sched_getaffinity(0))
    base = {"AGENDA_DATA_DIR": str(tmp_path)}
    assert Settings.from_env(base).meili_indexing_threads == 0  # Meilisearch's own default
    assert Settings.from_env({**base, "AGENDA_MEILI_INDEXING_THREADS": str(cores)}).meili_indexing_threads == cores
    for raw, message in [(str(cores + 1), f"must be between 0 and {cores}, got {cores + 1}"),
                         ("all", "must be an integer, got 'all'")]:
        with pytest.raises(ConfigError) as err:
            Settings.from_env({**base, "AGENDA_MEILI_INDEXING_THREADS": raw})
        assert str(err.value) == f"AGENDA_MEILI_INDEXING_THREADS {message}"
