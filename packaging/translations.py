"""Translation catalogs.

    python packaging/translations.py update    # refresh the sources from the code
    python packaging/translations.py compile   # build the .qm and .mo files

Qt windows (ui/): pyside6-lupdate → resources/translations/fokus_LANG.ts →
pyside6-lrelease → fokus_LANG.qm (with qt_LANG.ts for Qt's own button words).
The core (app/: command line, PDF, charts): strings in _() and N_() →
resources/translations/fokus.pot and LANG/LC_MESSAGES/fokus.po → fokus.mo,
compiled here without GNU gettext."""

from __future__ import annotations

import ast
import struct
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("id",)
# Indonesian nouns do not change with the number: one plural form.
PLURAL_FORMS = {"id": "nplurals=1; plural=0;"}
BIN = Path(sys.executable).parent


# argparse's own words that a user of the command line sees; app/cli.py has
# argparse look them up in Fokus's catalog.
ARGPARSE_MESSAGES = [
    "usage: ", "positional arguments", "options", "show this help message and exit",
    "show program's version number and exit", "argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s", "unrecognized arguments: %s",
    "not allowed with argument %s", "expected one argument",
    "ambiguous option: %(option)s could match %(matches)s",
    "invalid %(type)s value: %(value)r", "invalid choice: %(value)r (choose from %(choices)s)",
]


def core_messages() -> dict[str, list[str]]:
    """msgid → places, for every literal in _() or N_() in app/, and argparse's."""
    found: dict[str, list[str]] = {m: ["argparse"] for m in ARGPARSE_MESSAGES}
    for path in sorted((ROOT / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("_", "N_") and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value, []).append(
                    f"{path.relative_to(ROOT)}:{node.lineno}")
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "ngettext" and len(node.args) >= 2
                    and all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                            for a in node.args[:2])):
                # A plural entry is keyed "singular\0plural", as in a .mo file.
                key = f"{node.args[0].value}\0{node.args[1].value}"  # type: ignore[attr-defined]
                found.setdefault(key, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def po_quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def po_unquote(text: str) -> str:
    body = text.strip()[1:-1]
    out, i = [], 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(nxt, nxt))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def read_po(path: Path) -> dict[str, str]:
    entries: dict[str, str] = {}
    msgid = msgstr = None
    current = None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("msgid "):
            if msgid is not None and msgstr is not None:
                entries[msgid] = msgstr
            msgid, msgstr, current = po_unquote(line[6:]), None, "id"
        elif line.startswith("msgid_plural ") and msgid is not None:
            msgid, current = msgid + "\0" + po_unquote(line[13:]), "plural"
        elif line.startswith("msgstr "):
            msgstr, current = po_unquote(line[7:]), "str"
        elif line.startswith("msgstr[0] "):
            msgstr, current = po_unquote(line[10:]), "str"
        elif line.startswith("msgstr["):
            current = None  # languages with one form need only msgstr[0]
        elif line.startswith('"') and current in ("id", "plural") and msgid is not None:
            msgid += po_unquote(line)
        elif line.startswith('"') and current == "str" and msgstr is not None:
            msgstr += po_unquote(line)
    if msgid is not None and msgstr is not None:
        entries[msgid] = msgstr
    entries.pop("", None)
    return entries


def write_po(path: Path, messages: dict[str, list[str]], translations: dict[str, str],
             language: str | None) -> None:
    header = ("Project-Id-Version: Fokus\\n" "MIME-Version: 1.0\\n"
              "Content-Type: text/plain; charset=UTF-8\\n"
              "Content-Transfer-Encoding: 8bit\\n"
              + (f"Language: {language}\\n" if language else "")
              + (f"Plural-Forms: {PLURAL_FORMS[language]}\\n" if language else ""))
    lines = ['msgid ""', f'msgstr "{header}"', ""]
    for msgid, places in messages.items():
        lines.append("#: " + " ".join(places[:3]))
        if "\0" in msgid:
            singular, plural = msgid.split("\0", 1)
            lines.append(f"msgid {po_quote(singular)}")
            lines.append(f"msgid_plural {po_quote(plural)}")
            lines.append(f"msgstr[0] {po_quote(translations.get(msgid, ''))}")
            if language is None or PLURAL_FORMS.get(language, "").startswith("nplurals=2"):
                lines.append('msgstr[1] ""')
        else:
            lines.append(f"msgid {po_quote(msgid)}")
            lines.append(f"msgstr {po_quote(translations.get(msgid, ''))}")
        lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def write_mo(path: Path, translations: dict[str, str], language: str) -> None:
    """GNU .mo, little-endian, as Python's gettext reads it. A plural entry's key is
    "singular\\0plural"; the languages here have one form, its msgstr[0]."""
    entries = sorted((k, v) for k, v in translations.items() if v)
    entries.insert(0, ("", "Content-Type: text/plain; charset=UTF-8\n"
                           f"Plural-Forms: {PLURAL_FORMS[language]}\n"))
    ids = [k.encode() for k, _v in entries]
    strs = [v.encode() for _k, v in entries]
    n = len(entries)
    offset_ids = 7 * 4
    offset_strs = offset_ids + n * 8
    data_start = offset_strs + n * 8
    table_ids, table_strs, blob = [], [], b""
    for s in ids:
        table_ids.append((len(s), data_start + len(blob)))
        blob += s + b"\0"
    for s in strs:
        table_strs.append((len(s), data_start + len(blob)))
        blob += s + b"\0"
    out = struct.pack("<7I", 0x950412DE, 0, n, offset_ids, offset_strs, 0, 0)
    out += b"".join(struct.pack("<2I", *t) for t in table_ids)
    out += b"".join(struct.pack("<2I", *t) for t in table_strs)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out + blob)


def update() -> None:
    ui_files = [str(p) for p in sorted((ROOT / "ui").rglob("*.py"))]
    for lang in LANGUAGES:
        subprocess.run([str(BIN / "pyside6-lupdate"), *ui_files, "-no-obsolete", "-ts",
                        str(TRANSLATIONS / f"fokus_{lang}.ts")], check=True)
    messages = core_messages()
    write_po(TRANSLATIONS / "fokus.pot", messages, {}, None)
    for lang in LANGUAGES:
        po = TRANSLATIONS / lang / "LC_MESSAGES" / "fokus.po"
        old = read_po(po) if po.exists() else {}
        write_po(po, messages, old, lang)


def compile_all(target: Path = TRANSLATIONS) -> None:
    for lang in LANGUAGES:
        sources = [str(TRANSLATIONS / f"fokus_{lang}.ts")]
        if (TRANSLATIONS / f"qt_{lang}.ts").exists():
            sources.append(str(TRANSLATIONS / f"qt_{lang}.ts"))
        subprocess.run([str(BIN / "pyside6-lrelease"), *sources, "-silent", "-qm",
                        str(target / f"fokus_{lang}.qm")], check=True)
        po = TRANSLATIONS / lang / "LC_MESSAGES" / "fokus.po"
        write_mo(target / lang / "LC_MESSAGES" / "fokus.mo", read_po(po), lang)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    else:
        print(__doc__)
        sys.exit(2)
