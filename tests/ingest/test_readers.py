from pathlib import Path

from newsgraph.config import get_settings
from newsgraph.errors import InputError
from newsgraph.ingest.readers import RawRecord, read_inputs, read_jsonl_stream, split_title


def _one(path, **kw):
    (item,) = list(read_inputs([path], **kw))
    return item


def test_txt_title_and_id(tmp_path: Path):
    p = tmp_path / "art1.txt"
    p.write_text("Un titre\n\nLe corps du texte.\n", "utf-8")
    rec = _one(p)
    assert isinstance(rec, RawRecord)
    assert rec.id == "art1" and rec.title == "Un titre"
    assert rec.text.startswith("Un titre")


def test_no_title_without_blank_line():
    assert split_title("Une phrase.\nUne autre phrase.\n") is None


def test_missing_file(tmp_path: Path):
    err = _one(tmp_path / "nope.txt")
    assert isinstance(err, InputError) and "no such file" in str(err) and "nope.txt" in str(err)


def test_directory_is_refused(tmp_path: Path):
    err = _one(tmp_path)
    assert isinstance(err, InputError) and "directory" in str(err)


def test_binary_file(tmp_path: Path):
    p = tmp_path / "x.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    err = _one(p)
    assert isinstance(err, InputError) and "binary" in str(err)


def test_empty_text(tmp_path: Path):
    p = tmp_path / "e.txt"
    p.write_text("  \n\n", "utf-8")
    err = _one(p)
    assert isinstance(err, InputError) and "empty" in str(err)


def test_latin1_is_detected(tmp_path: Path):
    p = tmp_path / "l.txt"
    p.write_bytes("Le président français a rencontré à Genève son homologue élu.\n".encode("cp1252"))
    rec = _one(p)
    assert isinstance(rec, RawRecord)
    assert "président" in rec.text and rec.warning and "not UTF-8" in rec.warning


def test_size_limit(tmp_path: Path):
    p = tmp_path / "big.txt"
    p.write_text("mot " * 100, "utf-8")
    err = _one(p, settings=get_settings(max_bytes=50))
    assert isinstance(err, InputError) and "over the limit" in str(err)


def test_malformed_json_line_names_its_line(tmp_path: Path):
    p = tmp_path / "in.jsonl"
    p.write_text('{"id": "a", "text": "Bonjour."}\n{not json\n{"id": "c", "text": "Salut."}\n', "utf-8")
    items = list(read_inputs([p]))
    assert isinstance(items[0], RawRecord) and items[0].id == "a"
    assert isinstance(items[1], InputError) and "line 2" in str(items[1])
    assert isinstance(items[2], RawRecord) and items[2].id == "c"


def test_json_record_fields(tmp_path: Path):
    p = tmp_path / "one.json"
    p.write_text('{"text": "Texte.", "title": "T", "published": "2020-01-02", "url": "http://x"}', "utf-8")
    rec = _one(p)
    assert rec.id == "one" and rec.published == "2020-01-02" and rec.url == "http://x"


def test_stdin_jsonl():
    import io

    stream = io.BytesIO(b'{"id": "s1", "text": "Un texte."}\n')
    (rec,) = list(read_jsonl_stream(stream, "<stdin>"))
    assert rec.id == "s1"


def _stdin(data: bytes):
    import io

    return list(read_inputs(["-"], stdin=io.BytesIO(data)))


def test_stdin_plain_text_is_one_document():
    (rec,) = _stdin("La France a condamné mardi l'attaque.\n".encode())
    assert isinstance(rec, RawRecord) and rec.source == "<stdin>" and rec.id is None
    assert rec.text == "La France a condamné mardi l'attaque.\n"


def test_stdin_plain_text_over_several_lines_keeps_its_title():
    (rec,) = _stdin("Un titre\n\nPremier paragraphe.\n{pas du JSON}\n".encode())
    assert isinstance(rec, RawRecord) and rec.title == "Un titre" and "{pas du JSON}" in rec.text


def test_stdin_json_lines_when_every_line_is_json():
    items = _stdin(b'{"id": "a", "text": "Un."}\n\n{"id": "b", "text": "Deux."}\n')
    assert [r.id for r in items] == ["a", "b"]


def test_stdin_json_lines_with_a_line_cut_short_says_which_line():
    items = _stdin(b'{"id": "a", "text": "Un."}\n{"id": "b", "te\n')
    assert isinstance(items[0], RawRecord) and isinstance(items[1], InputError) and "line 2" in str(items[1])


def test_stdin_empty_is_one_clear_error():
    (item,) = _stdin(b"  \n\n")
    assert isinstance(item, InputError) and "empty" in str(item) and "<stdin>" in str(item)


def test_html_main_text(tmp_path: Path):
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Sommet à Genève</title><meta name='author' content='A. Dupont'>"
        "<meta property='article:published_time' content='2021-06-16'></head><body><nav>Menu Accueil</nav>"
        "<article><h1>Sommet à Genève</h1><p>" + "Le président américain a rencontré son homologue russe à Genève. " * 5
        + "</p><p>" + "Les deux dirigeants ont parlé de cybersécurité et de désarmement nucléaire. " * 4
        + "</p></article><footer>Mentions légales</footer></body></html>", "utf-8")
    rec = _one(p)
    assert isinstance(rec, RawRecord)
    assert rec.title == "Sommet à Genève"
    assert "homologue russe" in rec.text and "Mentions légales" not in rec.text
    assert rec.published == "2021-06-16"
