"""Names an abstract introduces: "we propose NAME", "NAME, a …", "called NAME".

Pass 1 of the linker. Each phrase is found by a search with a literal prefix
(:func:`_triggers`: where "we …", "called …", "our …", "this paper …" and ", a …"
are), and the rules match there: introducing verbs, appositions, "which we term X",
names in brackets after "proposing", definitions listed after "we design three
policies:" and definitions right after an introducing phrase. :class:`IntroFinder`
holds the methods of :class:`~graphtool.linker.Linker` that combine them with the
title's names (:mod:`graphtool.linker.titles`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..lexicon import LexEntry, Lexicon
from ..model import Paper
from ..text import capitals_differ, case_compatible
from .patterns import (
    _APPOSITION_NOUNS,
    _COUNT,
    _MATH,
    _NAMEY,
    _RE_ADJECTIVE_NAMED,
    _RE_AFTER_NAME,
    _RE_APPOSITION,
    _RE_CALLED,
    _RE_CALLED_BRACKET,
    _RE_CALLED_LOWER,
    _RE_CALLED_QUOTED_LOWER,
    _RE_CLAUSE_END,
    _RE_COMMA_NAME,
    _RE_COUNTED_ITEM,
    _RE_COUNTED_ITEM_LOOSE,
    _RE_COUNTED_LEAD,
    _RE_COUNTED_SEP,
    _RE_INTRO_LEAD,
    _RE_INTRO_TAIL,
    _RE_JOINED_VERB,
    _RE_LIST_LEAD,
    _RE_LISTED_APPOSITION,
    _RE_LISTED_DEF,
    _RE_MODIFIER,
    _RE_MULTI_NAME_QUOTED,
    _RE_OUR_IMPLEMENTED_IN,
    _RE_OUR_NAME,
    _RE_PRESENTING,
    _RE_PROPOSING_BRACKET,
    _RE_QUANTITY,
    _RE_THIS_PAPER,
    _RE_THIS_WORK_NAME,
    _RE_TITLE_INNER,
    _RE_TITLE_PREFIX,
    _RE_WE_NEW_NOUN_LONG_NAME,
    _RE_WE_NEW_NOUN_LOWER_LONG,
    _RE_WE_NOUN_LONG_SHORT,
    _RE_WE_NOUN_NAME,
    _RE_WE_PROPOSE,
    _RE_WE_TERM,
    _RE_WE_THE_NAME_NOUN,
    _TITLE_STOP,
    _norm,
)
from .titles import _guess_kind, _in_title_as_name, _presented_in, _title_name


@dataclass(slots=True)
class _Intro:
    entry: LexEntry
    surface: str
    field: str
    start: int
    how: str


class IntroFinder:
    """What a paper introduces, for :class:`~graphtool.linker.Linker` (pass 1)."""

    def _find_intros(self, paper: Paper, title_info: tuple, abstract_info: tuple) -> list[_Intro]:
        found: dict[str, _Intro] = {}
        ends: dict[int, int] = {}  # end -> first start of the abstract's intros
        abstract_defs, trig = abstract_info
        defs = abstract_defs + [(a, lf, s, -1) for a, lf, s, _ in title_info[0]]
        long_of = {a: lf for a, lf, _, _ in defs}
        long_at = {ls: (a, lf, at) for a, lf, ls, at in abstract_defs}
        abbr_of = {_norm(lf): a for a, lf, _, _ in defs}

        def add(
            surface: str,
            field: str,
            start: int,
            how: str,
            lower_ok: bool = False,
            keep: bool = False,
        ) -> None:
            cut = self._organisation_prefix(surface)
            if cut:  # "this paper introduces Huawei CloudMatrix": Huawei's CloudMatrix
                surface, start = surface[cut:], start + cut
            name = _MATH.sub(r"\1", surface).strip(" -—")
            tail = _RE_TRAILING_ACRONYM.search(name) if " " in name and field != "title" else None
            if (
                tail
                and len(tail.group(1)) >= 3
                and name[: tail.start()].count(" ") >= 2  # two words or more before it
                and tail.group(1)[0] == name[0]  # "Concept … CALM", not "Grounding DINO"
                and _norm(name) not in abbr_of
            ):
                # "We propose Concept Alignment and Concept Manipulation CALM, an …",
                # "which we call Pathways Language Model PaLM": the acronym is the name,
                # the words before it its long form
                long_of.setdefault(tail.group(1), name[: tail.start()].strip())
                abbr_of.setdefault(_norm(name[: tail.start()]), tail.group(1))
                surface, start, name = tail.group(1), start + tail.start(1), tail.group(1)
            if field == "abstract" and start in long_at:
                abbr, lf, at = long_at[start]
                if len(lf) > len(name) and lf.startswith(name):
                    # "presents the Parallel Coupler for Multimodel Simulations (PCMS)":
                    # the name is the long form's abbreviation, not its first words
                    surface, start, name = abbr, at, abbr
            if not _valid_intro(name, self.lexicon, lower_ok):
                return
            aliases = []
            if name in long_of:
                if not _plain_word(long_of[name]):  # "a novel encoder (EDE)": no alias
                    aliases.append(long_of[name])
            elif keep and _norm(name) in abbr_of:  # a known long form: the lexicon's name
                aliases.append(abbr_of[_norm(name)])
            elif _norm(name) in abbr_of and " " in name.strip():
                aliases.append(name)
                name = abbr_of[_norm(name)]
                if self.lexicon.is_blocked(name):
                    return  # "we then introduce Service Level Agreements (SLAs)"
            elif _norm(name) in abbr_of:  # "KernelKittens (KK)": the name, KK its alias
                aliases.append(abbr_of[_norm(name)])
            if surface != name and surface not in aliases:
                aliases.append(surface)
            known = self._by_norm.get(_norm(name))
            forms = (known.name, *known.aliases) if known is not None else ()
            same = [f for f in forms if _norm(f) == _norm(name)]
            if known is not None and (
                not case_compatible(name, forms)
                or (same and all(capitals_differ(name, f) for f in same))
            ):
                known = None  # "SPARK" is not Apache Spark, "TABNet" is not TabNet
            known = known or self._method_named(name)
            if known is not None:
                entry = known
            else:
                entry = LexEntry(
                    name, _guess_kind(paper.title, paper.abstract, name), name, tuple(aliases)
                )
            key = _norm(entry.name)
            if key not in found:  # "LatticeHashForest" (title) and "LHF" (its definition)
                spelled = {_norm(a) for a in (entry.name, *entry.aliases, *aliases)}
                key = next(
                    (
                        k
                        for k, f in found.items()
                        if spelled & {_norm(a) for a in (f.entry.name, *f.entry.aliases)}
                    ),
                    key,
                )
            if key not in found:
                found[key] = _Intro(entry, surface, field, start, how)
                if field == "abstract":
                    ends[start + len(surface)] = min(start, ends.get(start + len(surface), start))
            else:
                old = found[key].entry
                if surface != old.name and surface not in aliases:
                    aliases.append(surface)
                if old.name not in self.lexicon.entries:
                    extra = tuple(a for a in aliases if a not in old.aliases and a != old.name)
                    old.aliases = old.aliases + extra

        title = paper.title
        has_sep = ":" in title or "--" in title or "—" in title
        m = _RE_TITLE_PREFIX.match(title) if has_sep else None
        prefix = m.group(1) if m else ""
        defined = _RE_BRACKET_TAIL.fullmatch(prefix) if prefix.endswith(")") else None
        if defined and _norm(long_of.get(defined.group(2), "")) == _norm(defined.group(1)):
            prefix = defined.group(1)  # "Federated Active Learning (F-AL): …": F-AL's long form
        if (
            m
            and (
                _title_name(prefix, long_of, abbr_of, self.lexicon)
                or _presented_in(prefix, paper.abstract, trig)
            )
            and not _RE_STUDY_OF.match(title, m.end() - 1)  # (the match ends on a character)
            # "CVGL: …" whose abstract opens "Cross-view geo-localization (CVGL) aims to":
            # the task, defined for the reader, not the paper's artefact
            and not _task_defined(prefix, paper.abstract, defs)
        ):
            add(prefix, "title", m.start(1), "title")
        if ":" in title and not _RE_OWN_NAME_FIRST.match(title):
            # not "PersonaAgent with GraphRAG: …": the paper's own name first, its means after
            for m in _RE_TITLE_INNER.finditer(title):
                if not _described_as_existing(m.group(1), paper.abstract):
                    add(m.group(1), "title", m.start(1), "title")
        text = paper.abstract
        for kind, rxs in (
            ("we", (_RE_WE_PROPOSE,)),
            ("called", (_RE_CALLED,)),
            ("our", (_RE_OUR_NAME,)),
            ("this", (_RE_THIS_PAPER,)),
        ):
            for pos in trig.get(kind, ()):
                if kind == "called" and _RE_ADJECTIVE_NAMED.search(text, max(0, pos - 6), pos):
                    continue  # "requests with named Kubernetes service endpoints"
                if kind == "called" and text[pos - 1 : pos] == "-":
                    continue  # "code-named Sapphire Rapids": a code name of a product
                if kind == "called" and _field_usage(text, pos):
                    continue  # "Directly training from base models with RL is called zero-RL"
                for rx in rxs:
                    m = rx.match(text, pos)
                    if m and kind == "we" and _head_of_longer_name(text, m.group(1), m.end(1)):
                        continue
                    if m and kind == "called" and _RE_EXTENDED_AFTER.match(text, m.end(1)):
                        continue  # "… called VirtualHome that we extended with …": not ours
                    if m and not (
                        kind == "our"
                        and (
                            # "our SFT+RL model": two methods combined
                            _RE_COMBINATION.fullmatch(m.group(1))
                            or _defined_for_the_reader(m.group(1), text, defs)
                            # "an explainable plug-and-play (PnP) framework … Our PnP
                            # algorithm": one of a general kind the abstract spells out
                            or _defined_as_term(m.group(1), defs)
                        )
                    ):
                        # "our GPR model" after "Gaussian Process Regression (GPR) is an
                        # important type of …": a field's acronym, not the paper's name
                        add(m.group(1), "abstract", m.start(1), "intro")
                if kind == "called" and text[pos - 1 : pos] == "(":
                    m = _RE_CALLED_BRACKET.match(text, pos - 1)
                    if m:
                        add(m.group(1), "abstract", m.start(1), "intro")
        for pos in (*trig.get("we", ()), *trig.get("this", ())):
            m = _noun_apposition(text, pos)
            if m and _NAMEY.search(m.group(1)):
                add(m.group(1), "abstract", m.start(1), "intro")
        for pos in trig.get("called", ()):
            if _field_usage(text, pos):
                continue
            m = _RE_CALLED_LOWER.match(text, pos)
            if m is None:  # 'a small module, named "loss prediction module," to …'
                m = _RE_CALLED_QUOTED_LOWER.match(text, pos)
                if m and not _own_coinage(text, pos):
                    continue  # 'a phenomenon called "attention sink," which prior work …'
            if m and not self._lookup(m.group(1)) and not self.lexicon.is_blocked(m.group(1)):
                add(m.group(1), "abstract", m.start(1), "intro", lower_ok=True)
        for pos in trig.get("apposition", ()):
            # "NAME, a …" opens its sentence: look for that start just before the comma
            head = text[max(0, pos - 60) : pos]
            cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
            if cut >= 0:
                s = pos - len(head) + cut + 2
            elif pos <= 60:
                s = 0
            else:  # no sentence start just before: only a "we …" or "this paper …" clause
                self._presented_apposition(text, pos, trig, ends, add, strict=True)
                continue
            m = _RE_APPOSITION.match(text, s, min(len(text), pos + 40))
            if m and (_NAMEY.search(m.group(1)) or _norm(m.group(1)) in found):
                add(m.group(1), "abstract", m.start(1), "intro")
            elif not m:
                dash = text.startswith(" - ", pos)
                self._presented_apposition(text, pos, trig, ends, add, strict=dash)
        for rx in (_RE_THIS_WORK_NAME, _RE_WE_TERM):
            if "e " in text:  # each needs "we " or "this … "
                for m in rx.finditer(text):
                    name = m.group(1)
                    if rx is not _RE_WE_TERM and not (_NAMEY.search(name) or name.isupper()):
                        continue  # "This work, Scheduling, …": no name
                    add(name, "abstract", m.start(1), "intro")
        for pos in (*trig.get("we", ()), *trig.get("this", ())):
            m = _RE_WE_THE_NAME_NOUN.match(text, pos)
            if not m or not (_NAMEY.search(m.group(3)) or m.group(3).isupper()):
                continue  # "we develop the Scheduling framework": no name
            if m.group(1) or m.group(4):  # "This paper presents the NCCLX collective … framework"
                if not m.group(2).startswith(("propos", "introduc", "present")):
                    continue  # "we describe the EDA placement tool flow"
                if self._lookup(m.group(3)):
                    continue  # "this paper presents the PyTorch framework": a known name
            add(m.group(3), "abstract", m.start(3), "intro")
        leads = [  # not "… against three classic baseline policies from prior work:"
            lead
            for lead in (_RE_LIST_LEAD.finditer(text) if ":" in text else ())
            if not _RE_OTHERS_LEAD.search(lead.group(0))
        ]
        if leads and "(" in text:
            for lead in leads:
                end = text.find(". ", lead.end())
                for m in _RE_LISTED_DEF.finditer(text, lead.end(), end if end > 0 else len(text)):
                    if m.start() == lead.end() or text[m.start() - 2 : m.start()] in (", ", "d "):
                        long_of.setdefault(m.group(2), m.group(1))
                        add(m.group(2), "abstract", m.start(2), "definition")
        for lead in leads:
            for start in _list_items(text, lead.end()):
                m = _RE_LISTED_APPOSITION.match(text, start)
                name = m.group(1) if m else ""
                namey = m and (_NAMEY.search(name) or (name.isupper() and len(name) > 1))
                if namey and not self._lookup(name):  # "(1) PagedAttention, a …": known
                    add(name, "abstract", m.start(1), "intro")
        for pos in trig.get("our", ()):
            m = _RE_OUR_IMPLEMENTED_IN.match(text, pos)
            k = next((k for k in (1, 2, 3) if m.group(k)), 1) if m else 1
            name = m.group(k) if m else ""
            namey = _NAMEY.search(name) or (name.isupper() and len(name) > 2)
            if m and namey and not self._lookup(name):
                add(m.group(k), "abstract", m.start(k), "intro")
        bracket = "(" in text
        counted = _RE_COUNT_WORD.search(text) is not None
        for pos in trig.get("we", ()) if bracket or counted else ():
            m = _RE_WE_NOUN_LONG_SHORT.match(text, pos) if bracket else None
            if m and _short_of(m.group(2), m.group(1)) and not self._lookup(m.group(2)):
                long_of.setdefault(m.group(2), m.group(1))
                add(m.group(2), "abstract", m.start(2), "definition")
            m = _RE_WE_NEW_NOUN_LOWER_LONG.match(text, pos) if bracket else None
            if m and _initials(m.group(1)) == m.group(2) and not self._lookup(m.group(1)):
                long_of.setdefault(m.group(2), m.group(1))
                add(m.group(2), "abstract", m.start(2), "definition")
            listed = _counted_list(text, pos) if counted else []
            if listed and (
                # "we introduce two new architectures, MNO and MONet": new, whatever the
                # lexicon holds; else "two baselines, A and B" names others' work
                _RE_NEW_WORD.search(text, pos, listed[0][0])
                or not any(self._lookup(item) for _, item in listed)
            ):
                for start, item in listed:
                    if not self._lookup(item):  # "two new architectures, MNO and MONet": MNO
                        add(item, "abstract", start, "intro")
        for pos in trig.get("we", ()):
            m = _RE_WE_NEW_NOUN_LONG_NAME.match(text, pos)
            if m and not self._lookup(m.group(1)):
                add(m.group(1), "abstract", m.start(1), "intro")
            m = _RE_WE_NOUN_NAME.match(text, pos)
            if (
                m
                and (_NAMEY.search(m.group(1)) or m.group(1).isupper())
                and not self._lookup(m.group(1))
            ):
                add(m.group(1), "abstract", m.start(1), "intro")
        if "(" in text:
            for m in _RE_PROPOSING_BRACKET.finditer(text):
                name = m.group(1)
                if _NAMEY.search(name) and _norm(name) not in abbr_of and name not in long_of:
                    add(name, "abstract", m.start(1), "intro")
        if "github.com/" in text:
            self._repository_names(paper, add)
        # "we introduce convolutional state space models (ConvSSM)": a definition
        # right after an introducing verb, or one whose long form is in the title.
        for abbr, long_form, lstart, astart in defs:
            if astart < 0:
                continue
            if not (
                _intro_lead(text, lstart, trig)
                or (  # "a novel Error-Free Score (EFS), …", not "a novel E-P-D (EPD) policy"
                    _RE_NOVEL_BEFORE.search(text, max(0, lstart - 12), lstart)
                    and _RE_AFTER_NAME.match(text, astart + len(abbr) + 1)
                    and _own_clause(text, lstart, found)
                )
                or (
                    # "… through Answer Set Programming" with "answer set programming (ASP)" in
                    # the abstract: the title capitalises every word, the abstract a name only;
                    # a title that opens with it ("Representation Engineering: …") presents it
                    _in_title_as_name(long_form, paper.title)
                    and not (
                        long_form[:1].islower()
                        and not _norm(paper.title).startswith(_norm(long_form))
                        and _RE_USE_VERB.search(text, _sentence_begin(text, lstart), lstart)
                    )
                )
                or _listed_after_lead(text, lstart)
            ):
                continue
            if _RE_VARIANT_BEFORE.search(text, max(0, lstart - 30), lstart) and not (
                _in_title_as_name(long_form, paper.title)
            ):
                continue  # "we introduce the streaming Expectation Maximization (EM) algorithm"
            if _RE_TASK_BEFORE.search(text, max(0, lstart - 12), lstart) and (
                long_form.islower() or _RE_NOUN_AFTER.match(text, astart + len(abbr) + 1)
            ):
                # "a workflow for speech emotion recognition (SER)", "a dataset for
                # Ultra-High-Definition (UHD) landmark scenarios": what it is for
                continue
            if _RE_BASED_AFTER.match(text, astart + len(abbr) + 1):
                continue  # "we propose a Neural Radiance Fields (NeRF) based framework"
            if _RE_USED_BEFORE.search(text, max(0, lstart - 60), lstart):
                # "solve it using the Frank-Wolfe (FW) algorithm", "by leveraging the
                # recently introduced Foundation Inference Models (FIMs)": a means, even
                # where the title ends "… via Frank-Wolfe"
                continue
            known = self._lookup(long_form)
            if known and _RE_CAPITAL_BEFORE.search(text, max(0, lstart - 40), lstart):
                continue  # "we introduce MLLM-guided Spatial Direct Preference Optimization
                # (DPO)": a variant of the known thing, with a longer name of its own
            if known:
                if _intro_lead(text, lstart, trig) and all(t.entry.kind != "method" for t in known):
                    if long_form[:1].islower():  # "which we call proximal policy
                        # optimization (PPO)": the known name, by its acronym; not "a variant
                        # of proximal policy optimization (PPO)" (identity reads "variant of"
                        # before a long form, not before the acronym the name then has)
                        if not _RE_KIND_OF_BEFORE.search(text, max(0, lstart - 40), lstart):
                            add(abbr, "abstract", astart, "definition")
                    else:
                        add(long_form, "abstract", lstart, "definition", keep=True)
                continue
            words = long_form.split()
            titled = sum(w[0].isupper() for w in words) * 2 >= len(words)
            if titled or _RE_AFTER_NAME.match(text, astart + len(abbr) + 1):
                add(abbr, "abstract", astart, "definition")
        return list(found.values())

    def _presented_apposition(
        self, text: str, comma: int, trig: dict, ends: dict, add, strict: bool = False
    ) -> None:
        """ "We outline the design and implementation of PolicySmith, a framework …":
        "NAME, a …" (or "NAME -- a …", "NAME - a …") inside a sentence whose "we" or "this
        paper" presents something, for a NAME no lexicon knows and no other rule has found
        there. ``strict`` (far into a long sentence, or after a single hyphen): only the
        presenting verb's own object ("introduces the design and evaluation of the DT
        Simulation Bridge - a …") or "NAME, a new …"."""
        if not text[comma - 1 : comma].isalnum():
            return  # no name right before the comma
        wes = trig.get("we", ())  # sorted: the ones in [comma - 150, comma) by bisection
        we = wes[bisect_left(wes, comma - 150) : bisect_left(wes, comma)]
        if not we:  # "This paper introduces … the DT Simulation Bridge - a software …"
            wes = trig.get("this", ())
            we = wes[bisect_left(wes, comma - 150) : bisect_left(wes, comma)]
        if not we or _RE_CLAUSE_END.search(text, we[-1], comma):
            return
        if not _RE_PRESENTING.search(text, we[-1], comma):
            return
        # An intro of the abstract that covers the name before the comma: a surface
        # holds no comma, so it ends at the comma or one before it (``ends``: end ->
        # start; one look-up instead of a pass over every intro found).
        if any(ends.get(e, comma) < comma for e in (comma - 1, comma)):
            return  # "we introduce Ladder Residual, a …": taken whole already
        lo = comma  # the name: up to four capitalised words before the comma
        for _ in range(4):
            j = text.rfind(" ", we[-1] + 2, lo - 1)
            if j < 0 or not (text[j + 1 : j + 2].isupper() or text[j + 1 : j + 2].isdigit()):
                break
            lo = j + 1
        m = _RE_MULTI_NAME_QUOTED.fullmatch(text, lo, comma) if lo < comma else None
        if not m or self._lookup(m.group(1)) or self.lexicon.is_blocked(m.group(1)):
            return
        name = m.group(1)
        if (strict or _RE_PREPOSITION_BEFORE.search(text, max(0, lo - 9), lo)) and not (
            _RE_NEW_AFTER.match(text, comma) or _object_of(text, we[-1], lo)
        ):
            # "we apply it to FFTMatvec - an HPC application", "This work presents an
            # accelerator, zkSpeed, for HyperPlonk, a …": a thing used, not made
            return
        if " " in name or _NAMEY.search(name) or (name[1:].islower() and len(name) > 3):
            add(name, "abstract", m.start(1), "intro")

    def _repository_names(self, paper: Paper, add) -> None:
        """ "Our implementation is open-sourced at https://github.com/sail-sg/
        VocabularyParallelism": the paper's own repository names what it presents; the
        name as the title or abstract writes it ("Vocabulary Parallelism")."""
        text = paper.abstract
        for m in _RE_REPOSITORY.finditer(text):
            lo = max(text.rfind(". ", 0, m.start()), 0)
            if not _RE_OWN_CODE.search(text, lo, m.start()):
                continue  # someone else's code: "we build on github.com/…/vllm"
            repo = m.group(1).removesuffix(".git")
            parts = [p for p in re.split(r"[-_.]|(?<=[a-z])(?=[A-Z])", repo) if p]
            if not parts or len(parts) > 4 or len(repo) < 4:
                continue
            rx = re.compile(
                r"(?<![\w/])" + r"[\s-]?".join(map(re.escape, parts)) + r"(?![\w/])", re.IGNORECASE
            )
            for field, where in (("title", paper.title), ("abstract", text[: m.start()])):
                found = rx.search(where)
                if found is None:
                    continue
                name = found.group(0)
                if len(parts) == 1 and not _NAMEY.search(name):
                    break  # "github.com/…/diffusion": a word, no name
                if re.search(r"[A-Z][\w-]*\s$", where[max(0, found.start() - 30) : found.start()]):
                    continue  # "Conditional Activation Steering": part of a longer name
                if (name[0].isupper() or _NAMEY.search(name)) and not self._lookup(name):
                    add(name, field, found.start(), "intro")
                break

    def _organisation_prefix(self, surface: str) -> int:
        """Where the name starts after a leading organisation ("Huawei CloudMatrix",
        "Google Cloud Spanner" -> the offset of the product), or 0."""
        if " " not in surface:
            return 0
        words = surface.split(" ")
        for k in (2, 1):
            if len(words) > k:
                known = self._by_norm.get(_norm(" ".join(words[:k])))
                if known is not None and known.name in self.lexicon.organisations:
                    return len(" ".join(words[:k])) + 1
        return 0

    def _method_named(self, name: str) -> LexEntry | None:
        """The method concept ``name`` spells, if any: a paper that introduces
        "Sequence Parallelism" introduces the concept, not a new system."""
        for t in self._lookup(name):
            if t.entry.kind == "method":
                return t.entry
        return None


# Pass-1 phrases, each found by a search with a literal prefix (fast in ``re``):
# "called", "termed", "dubbed", "coined", "named" all end in "ed ".
_RE_CALLED_TRIGGER = re.compile(
    r"ed (?:(?<=called )|(?<=termed )|(?<=dubbed )|(?<=coined )|(?<=named )|(?<=designated ))"
)
_RE_THIS_TRIGGER = re.compile(r"this\s+(?:paper|work|article|study|report)\s")
_RE_APPOSITION_TRIGGER = re.compile(r", (?:an? |the |which is a )")
_RE_DASH_TRIGGER = re.compile(r" (?:-- an?|— a|- an?) ")
# "as measured by a novel Error-Free Score (EFS)": a long form the paper presents
_RE_NOVEL_BEFORE = re.compile(r"\b(?:[Aa]n?|[Oo]ur)\s+novel\s+$")
_RE_WE_OUR = re.compile(r"\b(?:[Ww]e|[Oo]ur)\b")
_RE_NAMED_STATE = re.compile(
    r"\b(?:problem|phenomenon|issue|effect|challenge|behaviou?r|bottleneck|trade-off|pattern)"
    r"s?,?\s+$"
)
_RE_OWN_SUBJECT = re.compile(r"(?:[Ww]e|[Oo]ur|[Tt]his\s+(?:paper|work|article|study))\b")
_RE_OTHERS = re.compile(
    r"\b(?:against|compare[ds]?|comparing|than|versus|vs\.|prior|previous|et al|existing"
    r"|extends?|builds? on|recently)\b"
)
_RE_PREPOSITION_BEFORE = re.compile(
    r"\b(?:for|to|on|upon|onto|into|from|using|via|over|atop|of|against|by)\s+$"
)
# Right before a defined long form: a means the paper uses, or someone else's work ("using the
# Frank-Wolfe (FW) algorithm", "leveraging the recently introduced Foundation Inference Models
# (FIMs)", "based on the well-known …"), not what the paper presents
_RE_USED_BEFORE = re.compile(
    r"(?:\b(?:using|uses?|leverag(?:e|es|ing)|employ(?:s|ing)?|adopt(?:s|ing)?|apply(?:ing)?"
    r"|applies|based\s+on|built\s+(?:up)?on|building\s+on|relying\s+on|rel(?:y|ies)\s+on"
    r"|extend(?:s|ing)?)\s+(?:the\s+|an?\s+)?(?:(?!(?:novel|new|our|proposed)\s)[\w-]+\s+)?"
    r"|\bby\s+(?:the|an?)\s+"  # "each service is managed by an Active Inference (AIF) agent"
    r"|\bso-called\s+"
    r"|\b(?:application|adoption)\s+of\s+(?:the\s+)?"  # "via the application of neural polar …"
    r"|\b(?:recently|previously|originally)\s+(?:introduced|proposed|developed)\s+"
    r"|\b(?:well[- ]known|classical|classic|standard|celebrated|conventional|widely[- ]used)\s+)$"
)
# "Bercow, a new ordered consensus protocol": a name presented as new
_RE_NEW_AFTER = re.compile(r"\s*(?:,|--|—|-)\s+an?\s+(?:new|novel)\b")
_RE_PRESENTING_VERB = re.compile(_RE_PRESENTING.pattern + r"\w*\s+")  # the whole verb
# From a presenting verb to its object: "introduce ", "present a novel ", "introduces the
# concept, design, and experimental evaluation of the "
_RE_OBJECT_GAP = re.compile(
    r"(?:(?:a|an|the|our)\s+)?(?:(?:novel|new)\s+)?"
    r"|(?:the\s+)?(?:(?:concept|design|implementation|experimental|evaluation|development"
    r"|architecture|and),?\s+)+of\s+(?:the\s+|our\s+)?"
)
_RE_COUNT_WORD = re.compile(r"\b(?:two|three|four|five|[2-5]) ")
_RE_BRACKET_TAIL = re.compile(r"(.+?)\s*\(([^()]+)\)")


def _word_at(low: str, i: int) -> bool:
    return i == 0 or not low[i - 1].isalnum()


def _find_all(low: str, needle: str) -> list[int]:
    out = []
    i = low.find(needle)
    while i >= 0:
        if _word_at(low, i):
            out.append(i)
        i = low.find(needle, i + 1)
    return out


def _triggers(low: str) -> dict[str, list[int]]:
    """Where the introduction rules may start in a lower-cased text: "we …",
    "called/named/termed/dubbed/coined/namely …", "our …", ", a …"."""
    trig: dict[str, list[int]] = {}
    if not low:
        return trig
    for kind, needle in (("we", "we "), ("our", "our ")):
        found = _find_all(low, needle)
        if found:
            trig[kind] = found
    this = [m.start() for m in _RE_THIS_TRIGGER.finditer(low) if _word_at(low, m.start())]
    if this:
        trig["this"] = this
    called = _find_all(low, "namely ")
    for m in _RE_CALLED_TRIGGER.finditer(low):
        i = m.start() - (3 if low.startswith("nam", m.start() - 3) else 4)
        if low.startswith("designat", m.start() - 8):
            i = m.start() - 8
        if low.startswith("so-", i - 3):
            continue  # "a so-called echo state network (ESN)": others' term
        if _word_at(low, i):
            called.append(i)
    if called:
        trig["called"] = sorted(called)
    appos = [m.start() for m in _RE_APPOSITION_TRIGGER.finditer(low)]
    if "--" in low or "—" in low or " - a" in low:
        appos = sorted(appos + [m.start() for m in _RE_DASH_TRIGGER.finditer(low)])
    if appos:
        trig["apposition"] = appos
    return trig


def _noun_apposition(text: str, pos: int) -> re.Match | None:
    """At a "we" or "this work" (``pos``): "we learn a slim communication block, ComMDM,
    …", "This work presents an accelerator, zkSpeed, for …" — the match of ", NAME, "
    after the first listed noun that is followed by one."""
    if text[pos] in "Ww" and text[pos + 2 : pos + 3].isspace():
        begin = pos + 3
    elif text[pos] in "Tt" and text[pos + 4 : pos + 5].isspace():
        begin = text.find(" ", pos + 5) + 1  # after "this paper "
        if not begin:
            return None
    else:
        return None
    stop = _RE_CLAUSE_END.search(text, begin, begin + 140)
    limit = stop.start() if stop else begin + 140
    c = text.find(",", begin, limit + 1)
    while c >= 0:
        w = c
        while w > begin and (text[w - 1].isalnum() or text[w - 1] == "_"):
            w -= 1
        if (
            w - begin <= 120
            and text[w:c] in _APPOSITION_NOUNS
            and not _RE_ITS_BEFORE.search(text, max(begin, w - 40), w)
        ):  # not "the poor performance of LoRa and its MAC protocol, LoRaWAN,": LoRa's
            m = _RE_COMMA_NAME.match(text, c)
            if m:
                return m
        c = text.find(",", c + 1, limit + 1)
    return None


def _intro_lead(text: str, lstart: int, trig: dict[str, list[int]]) -> bool:
    """Does an introducing phrase ("we propose a novel", "called") lead up to
    ``lstart``, within 150 characters?"""
    for kind in ("we", "called", "this"):
        found = trig.get(kind, ())  # sorted: those in [lstart - 150, lstart) by bisection
        for pos in found[bisect_left(found, lstart - 150) : bisect_left(found, lstart)]:
            if _RE_INTRO_LEAD.fullmatch(text, pos, lstart):
                if kind == "called" and (_field_sentence(text, pos) or _field_usage(text, pos)):
                    continue  # "HDC … represents information using high-dimensional
                    # vectors, called hypervectors (HV)": the field's term, for the reader
                return True
    # "we identify the limits of X and propose Long Form (LF)": the verb joined to an
    # earlier "we" of the same sentence
    wes = trig.get("we", ())
    for pos in wes[bisect_left(wes, lstart - 250) : bisect_left(wes, lstart)]:
        if not _RE_CLAUSE_END.search(text, pos, lstart):
            for m in _RE_JOINED_VERB.finditer(text, pos + 3, lstart):
                if _RE_INTRO_TAIL.fullmatch(text, m.end(), lstart):
                    return True
    return False


def _listed_after_lead(text: str, lstart: int) -> bool:
    """Is a long form one of a list that an introducing "we …:" leads up to ("we design
    three policies: Fair Share (FSP), Priority Queue (PQP) and Short Batch (SBP)")?"""
    cut = max(text.rfind(". ", 0, lstart), text.rfind("; ", 0, lstart))
    lead = _RE_LIST_LEAD.search(text, cut + 1, lstart)
    if not lead or _RE_OTHERS_LEAD.search(lead.group(0)):
        return False  # (not "… against three classic baseline policies from prior work:")
    between = text[lead.end() : lstart]
    return not between.strip() or bool(re.fullmatch(r"(?:[^.;:]*\),?\s+(?:and\s+)?)*", between))


_RE_REPOSITORY = re.compile(r"github\.com/[\w.-]+/([\w.-]*\w)")
# "Our implementation is open-sourced at", "we release our code at", "The code is
# available at": the paper's own code, not "improves over ZapServe (code: …)"
_RE_OWN_CODE = re.compile(
    r"\b(?:our\s+(?:[\w-]+\s+){0,2}?(?:codes?|implementation|source|repository)\b"
    r"|we\s+(?:[\w-]+\s+){0,2}?(?:release|open[- ]source|publish|make|provide)"
    r"|(?:the\s+)?(?:source\s+)?codes?\s+(?:and\s+[\w-]+\s+)?(?:is|are|will\s+be)\s+"
    r"(?:publicly\s+)?available|\b(?:is|are)\s+(?:publicly\s+|freely\s+)?available\s+(?:at|on|from)\b"
    r"|(?:is|are)\s+open[- ]sourced)",
    re.IGNORECASE,
)
_RE_PRESENTS = re.compile(
    r"\b(?:we|our|this\s+(?:paper|work|article|study)|propos\w*|introduc\w*|present\w*)\b",
    re.IGNORECASE,
)


def _defined_for_the_reader(name: str, text: str, defs: list) -> bool:
    """Is ``name`` an abbreviation the abstract defines in a sentence that presents
    nothing ("Gaussian Process Regression (GPR) is an important type of …")?"""
    for abbr, _lf, lstart, astart in defs:
        if abbr == name and astart >= 0:
            lo = max(text.rfind(". ", 0, lstart), text.rfind("? ", 0, lstart)) + 1
            hi = text.find(". ", astart)
            return not _RE_PRESENTS.search(text, lo, hi if hi > 0 else len(text))
    return False


def _field_usage(text: str, called: int) -> bool:
    """Is the "called" at ``called`` a passive "is called" / "are often called" in a
    sentence that presents nothing: the field's name for something, not the paper's?"""
    if not text.startswith(("called", "Called"), called):
        return False  # "The modified VTE is termed as STE": a coinage
    if not _RE_PASSIVE_BEFORE.search(text, max(0, called - 30), called):
        return False
    lo = _sentence_begin(text, called)
    hi = text.find(". ", called, called + 400)
    if _RE_OWN_THING.search(text, lo, called) or _RE_DEFINITE_START.match(text, lo):
        return False  # "The resulting framework is called X", "The first stage is called X"
    # ("When developers intentionally introduce such debt, it is called self-admitted
    # technical debt (SATD)": no "we" or "this paper", so the field's term)
    return not _RE_OWN_SUBJECT.search(text, lo, hi if hi > 0 else min(len(text), called + 400))


_RE_PASSIVE_BEFORE = re.compile(
    r"\b(?:is|are)\s+(?:(?:\w+ly|often|also|sometimes|usually|generally|thus|then)\s+)?$"
)
# A sentence that opens on a definite thing: "The first stage …", "Our method …", "Its …"
_RE_DEFINITE_START = re.compile(r"\s*(?:The|Our|This|These|Each|Its|Their)\b")
_RE_OWN_THING = re.compile(
    r"\b(?:resulting|proposed|modified|new|novel|this|these|designed|developed|extended"
    r"|improved|combined|overall|whole|entire)\b",
    re.IGNORECASE,
)


def _described_as_existing(name: str, text: str) -> bool:
    """Does the abstract describe ``name`` as something that exists already, in a sentence
    that presents nothing ("PAC-Bayes is a popular and efficient framework for …", "X has
    been widely used")? Then a title's "… with PAC-Bayes: …" is the paper's means."""
    if name not in text:
        return False
    rx = re.compile(re.escape(name) + _DESCRIBED_AFTER)
    for m in rx.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-"):
            continue
        lo = _sentence_begin(text, m.start())
        hi = text.find(". ", m.end(), m.end() + 400)
        if not _RE_PRESENTS.search(text, lo, hi if hi > 0 else m.end() + 400):
            return True
    return False


# "NAME is a …", "NAME has been …", "NAME has emerged": NAME described for the reader
_DESCRIBED_AFTER = (
    r"\s+(?:(?:is|are)\s+(?:a|an)\s+(?!(?:new|novel|first)\b)"
    r"|(?:has|have)\s+(?:been\s+(?:widely|extensively|commonly|successfully)\s|emerged\b"
    r"|long\s|become\s+(?:a|an|the)\s))"
)


def _defined_as_term(name: str, defs: list) -> bool:
    """Does the abstract spell ``name`` out as a general term, in lower case ("plug-and-play
    (PnP)")?"""
    return any(
        abbr == name and astart >= 0 and lf.islower() and len(lf) > len(name)
        for abbr, lf, _lstart, astart in defs
    )


def _task_defined(name: str, text: str, defs: list) -> bool:
    """Does the abstract define ``name`` as a task or a problem for the reader
    ("Cross-view geo-localization (CVGL) aims to …", "… (VSR) is a challenging task")?"""
    for abbr, _lf, _lstart, astart in defs:
        if abbr == name and astart >= 0:
            return _RE_TASK_AFTER.match(text, astart + len(abbr) + 1) is not None
    return False


# ") aims to", ") is a fundamental task", ") is the problem of": a task named for the reader
_RE_TASK_AFTER = re.compile(
    r"\s+(?:aims|seeks|attempts|refers)\b"
    r"|\s+(?:is|has\s+become|remains)\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:task|problem|field|area|challenge)s?\b"
)


def _list_items(text: str, begin: int) -> list[int]:
    """Where the items of a list that a lead such as "we introduce two benchmarks: " ends
    at ``begin`` start: there, and after each ", and ", "; " or " and " up to the end of
    its sentence (at most 400 characters on)."""
    end = text.find(". ", begin, begin + 400)
    end = end if end > 0 else min(len(text), begin + 400)
    out = [begin]
    for sep in (", and ", "; ", " and ", ", "):
        i = text.find(sep, begin, end)
        while i >= 0:
            j = i + len(sep)
            marker = _RE_ITEM_MARKER.match(text, j)
            if marker or sep != ", ":  # ", " only before "(2) ": a numbered item
                out.append(marker.end() if marker else j)
            i = text.find(sep, i + 1, end)
    marker = _RE_ITEM_MARKER.match(text, begin)
    if marker:  # "components: (1) …"
        out[0] = marker.end()
    return sorted(set(out))


# "(3) ", "(iii) ", "3) ": the number of a listed item
_RE_ITEM_MARKER = re.compile(r"\(?(?:[1-9]|i{1,3}|iv|v|vi{0,3})\)\s+")


def _field_sentence(text: str, at: int) -> bool:
    """Is the sentence up to ``at`` a field defined for the reader ("Hyperdimensional
    Computing (HDC) is a … paradigm that …"), with nothing of the paper's own in it?"""
    start = max(text.rfind(". ", 0, at), text.rfind("? ", 0, at))
    start = start + 2 if start >= 0 else 0
    return (
        _RE_FIELD_IS.match(text, start) is not None
        and _RE_OWN_SUBJECT.search(text, start, at) is None
    )


# A title that opens with a name-shaped word ("PersonaAgent with GraphRAG: …").
_RE_OWN_NAME_FIRST = re.compile(r"\s*[A-Z][a-z0-9]+[A-Z][\w\-+.]*\s")
# "Thinking with Spatial Code, a framework": a joining word and a capitalised word after
_RE_JOINED_ON = re.compile(r"\s+(?:with|for|of|in|on|and|to)\s+[A-Z]")


def _head_of_longer_name(text: str, name: str, end: int) -> bool:
    """Is a one-word name the common word that opens a longer name ("We introduce Thinking
    with Spatial Code, a framework …"), not a name by itself?"""
    from wordfreq import zipf_frequency

    return (
        " " not in name
        and name[1:].islower()
        and _RE_JOINED_ON.match(text, end) is not None
        and zipf_frequency(name.lower(), "en") >= 4.0
    )


# "GPT-OSS-20B: A Comprehensive Deployment-Centric Analysis of OpenAI's … Model": a study
# of the prefix's artefact, not its presentation (not "HELM: Holistic Evaluation of …")
_RE_STUDY_OF = re.compile(
    r"\s*(?:An?|The)\s+"
    r"(?:(?!(?:for|of|to|and|with|in|on|by)\s)[\w\-]+\s+){0,4}?"  # adjectives only
    r"(?:[Aa]nalys[ie]s|[Ss]tud(?:y|ies)|[Ee]valuations?|[Cc]haracteri[sz]ations?"
    r"|[Ii]nvestigations?|[Aa]ssessments?|[Ee]xaminations?|[Aa]udits?|[Mm]easurements?"
    r"|[Rr]eviews?|[Ss]urveys?|[Cc]omparisons?)\s+(?:of|on|into)\b"
)
# "Hyperdimensional Computing (HDC) is …", "Large language models (LLMs) have …"
_RE_FIELD_IS = re.compile(
    r"[A-Z][\w\-]*(?:\s[\w\-]+){0,5}\s\([A-Z][\w\-]*\)\s(?:is|are|has|have)\b"
)


def _own_coinage(text: str, called: int) -> bool:
    """Does the sentence coin the name at ``called`` for the paper's own thing: "we"/"our"
    before it, a made thing named (not "a problem termed …", "a phenomenon called …"), and
    no one else credited?"""
    start = max(text.rfind(". ", 0, called), text.rfind("? ", 0, called))
    before = text[start + 1 if start >= 0 else 0 : called]
    if not _RE_WE_OUR.search(before) or _RE_OTHERS.search(before):
        return False
    return not _RE_NAMED_STATE.search(before)


def _own_clause(text: str, at: int, found: dict) -> bool:
    """Is the sentence up to ``at`` the paper's own: led by "we", "our", "this paper", or
    holding a name the paper introduces ("AutoStreamPipe reduces …, as measured by a novel
    …"), and not comparing ("we compare against a novel …") or crediting others ("prior
    work introduced a novel …", "DeepFoo uses a novel …")?"""
    start = max(text.rfind(". ", 0, at), text.rfind("? ", 0, at), text.rfind("! ", 0, at))
    clause = text[start + 1 if start >= 0 else 0 : at].strip()
    if _RE_OTHERS.search(clause):
        return False
    if _RE_OWN_SUBJECT.match(clause):
        return True
    return any(f.surface in clause for f in found.values())


def _object_of(text: str, begin: int, name: int) -> bool:
    """Is the name at ``name`` the object of a presenting verb after ``begin`` ("we outline
    the design of PolicySmith": "design" is no verb there)?"""
    return any(
        _RE_OBJECT_GAP.fullmatch(text, v.end(), name)
        for v in _RE_PRESENTING_VERB.finditer(text, begin, name)
    )


def _counted_list(text: str, we: int) -> list[tuple[int, str]]:
    """At a "we" (``we``): the items of a counted list its clause introduces ("we
    introduce two new algorithms, Rennala NIGT and Malenia NIGT, which …"), as (start,
    name); none unless exactly the counted number of names is listed, and the list ends
    there."""
    lead = _RE_COUNTED_LEAD.match(text, we)
    if lead is None:
        return []
    count = _COUNT[lead.group(1)]
    item_rx = _RE_COUNTED_ITEM if lead.group(2) == "," else _RE_COUNTED_ITEM_LOOSE
    items: list[tuple[int, str]] = []
    i = lead.end()
    while len(items) < count:
        m = item_rx.match(text, i)
        if m is None and item_rx is _RE_COUNTED_ITEM_LOOSE:
            m = _RE_COUNTED_ITEM.match(text, i)
        if m is None:
            return []
        items.append((m.start(), m.group(0)))
        i = m.end()
        if len(items) < count:
            sep = _RE_COUNTED_SEP.match(text, i)
            if sep is None or (len(items) == count - 1) != ("and" in sep.group(0)):
                return []  # "A, B and C": "and" before the last item only
            i = sep.end()
    if not _RE_AFTER_NAME.match(text, i) or text.startswith(" and", i):
        return []
    return items


def _short_of(short: str, long_form: str) -> bool:
    """Is ``short`` a short name of ``long_form``: its first words ("Ring Attention" of
    "Ring Attention with Blockwise Transformers"), or its capitals in order among the long
    form's (MetaEOL of "Meta-Task Prompting with Explicit One-Word Limitation")?"""
    if long_form.casefold().startswith(short.casefold() + " "):
        return True
    marks = [c for c in short if c.isupper() or c.isdigit()]
    if len(marks) < 2 or short[0].casefold() != long_form[0].casefold():
        return False  # "Ring Attention with … (Rao)": an author, no short name
    caps = iter(c for c in long_form if c.isupper() or c.isdigit())
    return all(c in caps for c in marks)


def _initials(words: str) -> str:
    """ "elastic sequence parallelism" -> "ESP"; "mixture-of-experts layer" -> "MOEL"."""
    return "".join(w[0] for w in re.split(r"[\s\-]+", words) if w).upper()


def _plain_word(text: str) -> bool:
    """A single lower-case word of the dictionary ("encoder"): never a name's alias."""
    if not (text.isalpha() and text.islower()):
        return False
    from wordfreq import zipf_frequency

    return zipf_frequency(text, "en") >= 2.5


# "the streaming Expectation Maximization (EM)": the definite article, then a lower-case
# modifier of a known thing's long form: a variant of it, not a name the paper makes
_RE_VARIANT_BEFORE = re.compile(
    r"\bthe\s+(?!(?:new|novel|proposed|first|unified|resulting|following|corresponding"
    r"|end-to-end|training-free|adaptive|general|simple|efficient|lightweight)\s)"
    r"[a-z][a-z\-]+\s+$"
)
# A name's last word, an acronym after capitalised words: "Concept Manipulation CALM"
_RE_TRAILING_ACRONYM = re.compile(r"(?<=[a-z]\s)([A-Z][A-Za-z]*[A-Z][A-Za-z]*)$")
# After a definition's bracket: a lower-case noun it qualifies ("(UHD) landmark scenarios"),
# or "based"/"-driven": what the paper's thing is built on ("(NeRF) based framework")
_RE_NOUN_AFTER = re.compile(
    r"\s+(?!(?:that|which|to|for|as|is|are|was|with|and|in|on|by|from|of|or|we|can|has|have"
    r"|achieves?|outperforms?|improves?|enables?|uses?|reduces?|provides?|allows?|yields?)\b)"
    r"[a-z][a-z-]+"
)
# "a variant of", "a survey of" … right before a long form: what the paper presents is
# something of that thing, not the thing
_RE_KIND_OF_BEFORE = re.compile(
    r"\b(?:variant|survey|review|extension|study|analysis|version|modification"
    r"|generali[sz]ation|application|adaptation|implementation)s?\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A capitalised word right before a known long form, not opening a sentence: the long form
# ends a longer name ("Spatial Direct Preference Optimization")
_RE_CAPITAL_BEFORE = re.compile(r"(?<![.!?]\s)(?<![.!?])\b[A-Z][\w-]*\s+$")
_RE_BASED_AFTER = re.compile(r"\s*-?\s*(?:based|powered|driven|inspired|style|guided)\b")
_RE_ITS_BEFORE = re.compile(r"\b(?:its|their|his|her)\s+(?:[\w-]+\s+){0,2}$")
# After a name "called": a thing the paper extends or uses ("a simulated home environment
# called VirtualHome that we extended with virtual sensors")
_RE_EXTENDED_AFTER = re.compile(
    r"\s*,?\s*(?:that|which)\s+we\s+(?:have\s+)?(?:extend|adapt|modifi|modify|use|employ"
    r"|adopt|build\s+on|built\s+on|augment|enhance)"
)
_RE_USE_VERB = re.compile(r"\b(?:[Ww]e\s+(?:use|employ|adopt|apply|leverage)|using|employing)\b")


def _sentence_begin(text: str, i: int) -> int:
    """Where the sentence holding ``i`` begins (looking back at most 400 characters)."""
    lo = max(0, i - 400)
    dot = text.rfind(". ", lo, i)
    return dot + 2 if dot >= 0 else lo


_RE_TASK_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?$")
# A list lead about others' work: "… against three classic baseline policies from prior work:"
_RE_OTHERS_LEAD = re.compile(
    r"\b(?:baselines?|existing|prior|previous|classic(?:al)?|state-of-the-art|competing"
    r"|against|compare[sd]?|comparing)\b",
    re.IGNORECASE,
)
_RE_NEW_WORD = re.compile(r"\b(?:new|novel)\b")
# Short acronyms joined by "+" or "/": a combination of methods, not a name ("SFT+RL")
_RE_COMBINATION = re.compile(r"[A-Z][A-Za-z0-9]{0,4}(?:\s?[+/]\s?[A-Z][A-Za-z0-9]{0,4})+")


def _valid_intro(name: str, lexicon: Lexicon, lower_ok: bool = False) -> bool:
    if not name or len(name) > 60 or lexicon.is_blocked(name):
        return False
    if len(set(name)) == 1:
        return False  # "XXXX": an anonymised name
    if _RE_MODIFIER.search(name):
        return False  # "our FL-based approach"
    words = name.split()
    if len(words) > 4 or any(w.lower() in _TITLE_STOP for w in words):
        return False
    if len(words) == 1 and _RE_QUANTITY.fullmatch(name):
        return False
    if lower_ok and len(words) >= 2:
        return True  # "namely hidden transfer, which ...": a named technique
    return (
        name[0].isupper()
        or name[0].isdigit()
        or bool(_NAMEY.search(name))
        or sum(c.isupper() for c in name) >= 2
    )
