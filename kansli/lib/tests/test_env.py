import pytest

from kansli.lib.env import ConfigurationError, env_bool, env_int, env_list, env_str


def test_defaults_apply_when_unset():
    assert env_str("X", "d", {}) == "d"
    assert env_bool("X", True, {}) is True
    assert env_int("X", 5, {}) == 5
    assert env_list("X", ["a"], {}) == ["a"]


@pytest.mark.parametrize("word,expected", [("true", True), ("YES", True), ("0", False),
                                           ("off", False)])
def test_booleans_accept_common_words(word, expected):
    assert env_bool("DEBUG", False, {"DEBUG": word}) is expected


def test_a_bad_boolean_names_the_variable():
    with pytest.raises(ConfigurationError, match="DEBUG='maybe'"):
        env_bool("DEBUG", False, {"DEBUG": "maybe"})


def test_a_bad_number_names_the_variable():
    with pytest.raises(ConfigurationError, match="EMAIL_PORT"):
        env_int("EMAIL_PORT", 25, {"EMAIL_PORT": "twenty"})


def test_lists_are_comma_separated_and_trimmed():
    assert env_list("H", [], {"H": " a.se, b.se ,,"}) == ["a.se", "b.se"]
