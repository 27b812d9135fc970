"""Category, tag and author lists answer `in` by identity at once (plugins/stable_lists/membership.py)."""

from types import SimpleNamespace

import pytest

from stable_lists.membership import MemberList, with_fast_membership


def test_membership_is_identity_as_for_a_plain_list_of_articles():
    articles = [SimpleNamespace(title="a"), SimpleNamespace(title="a"), SimpleNamespace(title="b")]
    listed = MemberList(articles[:2])
    assert list(listed) == articles[:2] and isinstance(listed, list)
    for article in articles:
        assert (article in listed) == (article in articles[:2])
    equal_but_other = SimpleNamespace(title="a")
    assert equal_but_other not in listed


def test_the_lists_are_replaced_in_place_and_cannot_change_afterwards():
    first, second = SimpleNamespace(), SimpleNamespace()
    tags = {"haji": [first, second]}
    categories, authors = [("berita", [second])], [("rf", [first])]
    generator = SimpleNamespace(tags=tags, categories=categories, authors=authors)
    with_fast_membership(generator)
    assert generator.tags is tags and generator.categories is categories and generator.authors is authors
    assert isinstance(tags["haji"], MemberList) and first in tags["haji"]
    assert categories[0][0] == "berita" and first not in categories[0][1] and second in categories[0][1]
    with pytest.raises(TypeError):
        tags["haji"].append(first)
    with pytest.raises(TypeError):
        categories[0][1].sort()


def test_a_member_list_copies_and_pickles_as_itself():
    import copy
    import pickle

    listed = MemberList([1, 2, 3])
    for twin in (copy.copy(listed), copy.deepcopy(listed), pickle.loads(pickle.dumps(listed))):
        assert isinstance(twin, MemberList) and twin == [1, 2, 3] and 2 in twin
