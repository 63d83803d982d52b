"""HTML extraction: the 20 real news pages in ../shared/corpus/html, and small pages written here.

Every expectation in ``PAGES`` was checked by eye against the page as a browser shows it: the
visible headline, the article's first paragraph and its true last sentence (what follows it on
the page is furniture: credits boxes, "related", newsletter prompts, footers).
"""

from __future__ import annotations

import re

import pytest
from conftest import SHARED

from briefing.sanitize import is_safe
from briefing.sources import load_briefing
from briefing.sources.html import load_html_bytes

HTML_DIR = SHARED / "corpus" / "html"

# file: (headline substring, lead fragment, last-sentence fragment, fragment from late in the body)
PAGES: dict[str, tuple[str, str, str, str | None]] = {
    "abc13.com-Copperfield.html": (
        "Aisha's Salon and Spa chain bans men from entering any of its 25 locations",
        "A Houston-area beauty business is taking drastic measures",
        "we will continue that policy for as long as we are here",
        None),
    # A newsletter issue: five stories in sibling blocks; trafilatura alone keeps the first.
    "axios.com.future.html": (
        "Axios Future",
        "A new breed of intelligent video surveillance",
        "slightly over 6% of the top tracks are that short",
        "Student debt is depleting rural America"),
    "bbc.com.52241221.html": (
        "Coronavirus: New York ramps up mass burials amid outbreak",
        "Images have emerged of coffins being buried in a mass grave",
        "Source: CDC, Chicago Department of Public Health",  # the closing figures box
        "He said it had cast a spotlight on inequity and the impact of \"structural racism\"."),
    "blog.amp.dev.axios.html": (
        "People behind the code: The Axios ascent",
        "Fast, audience-first and efficient",
        "you start drawing a lot quicker instead of worrying about shades",
        None),
    "cbsnews.com.carolina.html": (
        "Black voters in South Carolina are crucial for Democratic candidates",
        "The stakes are high for all of the candidates",
        "So that's important. I need to know",
        None),
    "dailymail.co.uk.food.html": (
        "Chef Jamie Oliver joins Mail on Sunday's war on toxic US food",
        "A powerful alliance of chefs, celebrities and charities",
        "to be lining up to buy British",
        None),
    # The <h1> is a kicker ("Open Progress") and the headline on two lines.
    "economist.com.thinking.html": (
        "Why collaborative thinking beats individual smarts",
        "THREE decades ago Thomas Malone",
        "Used with permission of Little, Brown and Company",
        None),
    "edition.cnn.com-royal.html": (
        "11 things we learned from Harry and Meghan's explosive interview",
        "It was the interview that some within Buckingham Palace must have feared",
        "CNN has reached out to the royal family for comment.",
        None),
    "independent.co.uk.penalty.html": (
        "£1,000 fine for falsely reporting a contact to force them to self-isolate",
        "Anyone falsely naming an antagonist as a coronavirus contact",
        "allowed to take to the dance floor",
        None),
    "latimes.com.bloomberg.html": (
        "As his first debate nears, Bloomberg is having to answer about his past",
        "This is not the gracious welcome billionaire Michael R. Bloomberg",
        "Bloomberg’s days floating above the fray are over",
        None),
    "nytimes.com.blackouts.html": (
        "Rolling Blackouts in California Have Power Experts Stumped",
        "As temperatures began to rise in California on Friday",
        "Tomorrow evening, the wolf arrives.",
        None),
    "pawszilla.com.celine.html": (
        "Fans Expressed Fears Over Céline Dion’s Major Weight Loss",
        "Even though Céline Dion is a multi-million-selling pop icon",
        "the actress is owed quite a few apologies",
        None),
    # The only <h1> is the site's logo; the headline comes from the metadata.
    "politico.com.retirement.html": (
        "Mark Meadows accused of timing retirement to help elect wife’s friend",
        "Rep. Mark Meadows' shock retirement",
        "Alex Isenstadt contributed to this report.",
        None),
    "reuters.com.parasite.html": (
        "'Parasite' scores historic upset at SAG awards, boosting Oscar chances",
        "South Korean thriller “Parasite” was the upset winner",
        "Additional reporting by Steve Gorman; Editing by Marguerita Choy",
        "It’s been the most beautiful dream,” Waller-Bridge said."),
    "salon.com.emissions.html": (
        "Despite everything, U.S. emissions dipped in 2019",
        "Just a week into the new year",
        "emissions from factories, cars, and buildings",
        None),
    # trafilatura's own title for this page is the CMS name ("escenic").
    "telegraph.co.uk.plumber.html": (
        "Plumber jailed after boiler killed millionaire's daughter",
        "Zoe Anderson, 24, was overcome by carbon monoxide fumes",
        "as Hartley was led to begin his sentence",
        None),
    "theatlantic.com.disasters.html": (
        "How Can We Plan for the Future in California?",
        "When I moved to California five years ago, I planted a tree",
        "and even for our trees.",
        None),
    "theguardian.com.academics.html": (
        "Thousands of UK academics 'treated as second-class citizens'",
        "Thousands of academic staff at British universities",
        "with further strikes across British higher education on the cards later this year",
        None),
    "theverge.com.ios13.html": (
        "iOS 13 will fix the FaceTime eye contact problem",
        "iOS 13’s third developer beta includes a new feature",
        "Update July 3rd, 8:05AM ET: Added ARKit explanation and tweet.",
        "The feature should arrive in the public-facing beta next week."),
    # The body is split in two by an advert; trafilatura alone stops at the advert.
    "wired.com.burn.html": (
        "AI Can Do Great Things—if It Doesn't Burn the Planet",
        "Last month, researchers at OpenAI in San Francisco revealed an algorithm",
        "“AI is clearly moving toward lighter models and greener AI,” he says.",
        "Jonathan Koomey, a researcher and consultant who tracks data center energy use"),
}

# Page furniture that must not reach an article (checked case-insensitively, as words).
BOILERPLATE = [
    r"sign up", r"newsletter", r"related (stories|articles|topics|content)", r"^related\b",
    r"\badvertisement\b", r"\bcookies?\b", r"subscribe", r"read more", r"keep reading",
    r"share this", r"follow us", r"our standards", r"letter to the editor", r"posted by",
    r"most (read|popular)", r"more great \w+ stories", r"next article", r"report a correction",
]
_BOILER = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE), re.IGNORECASE | re.MULTILINE)


def boilerplate_in(text: str) -> list[str]:
    return sorted({m.group(0).lower() for m in _BOILER.finditer(text)})


def _page(name: str):
    path = HTML_DIR / name
    if not path.is_file():
        pytest.skip(f"HTML corpus not found at {HTML_DIR} (set BRIEFING_SHARED to the shared folder)")
    briefing = load_briefing([str(path)])
    assert not briefing.errors, briefing.errors
    (article,) = briefing.articles
    return article


def test_the_corpus_and_the_expectations_agree():
    if not HTML_DIR.is_dir():
        pytest.skip(f"HTML corpus not found at {HTML_DIR} (set BRIEFING_SHARED to the shared folder)")
    assert sorted(p.name for p in HTML_DIR.glob("*.html")) == sorted(PAGES)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_real_page_headline_body_and_no_boilerplate(name):
    headline, lead, last, late = PAGES[name]
    article = _page(name)
    # The headline: the page's own, without the site name or a kicker.
    assert headline in article.title
    assert len(article.title) <= len(headline) + 60
    assert " | " not in article.title and not article.title.lower().startswith("open progress")
    # The text is the headline, then the body's paragraphs separated by blank lines.
    head, _, body = article.text.partition("\n\n")
    assert head == article.title
    assert "\n\n" in body and "\n\n\n" not in body
    # Complete: from its first paragraph to its last sentence, nothing before or after.
    assert lead in body[:800]
    assert last in body.rstrip().rsplit("\n\n", 1)[-1]
    if late:
        assert late in body
    assert boilerplate_in(body) == []
    assert article.source.endswith(name)
    assert is_safe(article.text) and is_safe(article.title)


def test_real_pages_metadata():
    article = _page("nytimes.com.blackouts.html")
    assert article.byline == "Ivan Penn"
    assert article.date == "2020-08-16"
    assert article.url == "https://www.nytimes.com/2020/08/16/business/california-blackouts.html"
    # A byline that is really a site name plus a date is left out, not shown.
    assert _page("cbsnews.com.carolina.html").byline is None


# -- pages written for the tests ------------------------------------------------------------

_PARA = ("The committee met for the third time this month to discuss the proposal, which would "
         "change how the city pays for its buses, trams and the new ferry service on the river. ")


def _html(body: str, title: str = "Council backs new transport budget", head: str = "") -> str:
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{title} | The Gazette</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="The Gazette">
{head}</head><body>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main>{body}</main>
<footer class="site-footer"><p>Copyright 2024 The Gazette. All rights reserved.</p></footer>
</body></html>"""


def _load(html: str, tmp_path, name: str = "page.html"):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    briefing = load_briefing([str(path)])
    assert not briefing.errors, briefing.errors
    return briefing.articles[0]


def test_body_split_by_an_advert_is_joined_up(tmp_path):
    first = "".join(f"<p>Part one paragraph {i}. {_PARA}</p>" for i in range(6))
    second = "".join(f"<p>Part two paragraph {i}. {_PARA}</p>" for i in range(4))
    body = f"""<article><h1>Council backs new transport budget</h1>
<div class="story-chunk body-text"><div class="inner">{first}</div></div>
<div class="ad-slot mid-article"><span>Advertisement</span></div>
<div class="story-chunk body-text"><div class="inner">{second}
<p>The final vote is expected in March, the chair said.</p></div></div>
<div class="story-chunk body-text"><ul><li><a href="/a">Other story one here</a></li>
<li><a href="/b">Other story two here</a></li><li><a href="/c">Other story three</a></li></ul></div>
</article>"""
    art = _load(_html(body), tmp_path)
    assert "Part one paragraph 0." in art.text
    assert "Part two paragraph 3." in art.text
    assert art.text.rstrip().endswith("The final vote is expected in March, the chair said.")
    assert "Advertisement" not in art.text and "Other story" not in art.text


def test_furniture_inside_and_after_the_body_is_dropped(tmp_path):
    paras = "".join(f"<p>Paragraph {i}. {_PARA}</p>" for i in range(6))
    body = f"""<article><h1>Council backs new transport budget</h1>
<div class="article-body">{paras[: len(paras) // 2]}
<ul><li><a href="/x">GUIDE: How the budget works</a></li><li><a href="/y">VIDEO: The vote in 60 seconds</a></li>
<li><a href="/z">MAP: Where the new routes go</a></li></ul>
{paras[len(paras) // 2:]}
<p>Read more</p>
<p>"It is a fair deal for every part of the city," said the council leader, Mary Okafor.</p>
<p>Get the Morning Briefing newsletter: sign up for the day's top stories, delivered to your inbox.</p>
<p>Our Standards: The Gazette Trust Principles.</p></div></article>"""
    art = _load(_html(body), tmp_path)
    assert art.text.rstrip().endswith("said the council leader, Mary Okafor.")
    assert boilerplate_in(art.text) == []
    assert "GUIDE:" not in art.text and "VIDEO:" not in art.text


def test_headline_prefers_the_visible_h1_and_drops_kicker_and_site_name(tmp_path):
    paras = "".join(f"<p>Paragraph {i}. {_PARA}</p>" for i in range(5))
    body = f"""<article><h1><span class="kicker">Transport</span><br><span class="headline">Council
backs the new transport budget after a long night</span></h1><div class="article-body">{paras}</div></article>"""
    art = _load(_html(body, title="Council backs new transport budget"), tmp_path)
    assert art.title == "Council backs the new transport budget after a long night"
    assert art.text.startswith(art.title + "\n\n")


def test_logo_h1_falls_back_to_metadata_title(tmp_path):
    paras = "".join(f"<p>Paragraph {i}. {_PARA}</p>" for i in range(5))
    body = f"""<h1 class="logo">The Gazette</h1><article><div class="article-body">{paras}</div></article>"""
    art = _load(_html(body, title="Ferry service to run all year"), tmp_path)
    assert art.title == "Ferry service to run all year"


def test_html_metadata_fields(tmp_path):
    paras = "".join(f"<p>Paragraph {i}. {_PARA}</p>" for i in range(5))
    head = ('<meta name="author" content="Sam Reyes"><meta property="article:published_time" '
            'content="2024-03-05T09:00:00Z"><link rel="canonical" href="https://gazette.example/news/budget">')
    art = _load(_html(f"<article><h1>Council backs new transport budget</h1>"
                      f"<div class='article-body'>{paras}</div></article>", head=head), tmp_path)
    assert art.byline == "Sam Reyes"
    assert art.date == "2024-03-05"
    assert art.url == "https://gazette.example/news/budget"


def test_a_page_with_no_article_text_is_a_one_line_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    briefing = load_briefing([str(path)])
    assert not briefing.articles
    (error,) = briefing.errors
    assert error.message.startswith(str(path)) and "\n" not in error.message


def test_control_characters_in_html_never_reach_the_article():
    paras = "".join(f"<p>Paragraph {i}. {_PARA}</p>" for i in range(4))
    html = _html(f"<article><h1>Bad \x1b[31m headline here</h1><div class='article-body'>"
                 f"<p>Text with \x1b]0;title\x07 and \u202e bidi.</p>{paras}</div></article>",
                 title="Bad \x1b[31m headline here")
    art = load_html_bytes(html.encode("utf-8"), "t.html")
    assert is_safe(art.text) and is_safe(art.title)
    assert "\x1b" not in art.text and "\u202e" not in art.text


def test_a_next_story_below_is_not_glued_on(tmp_path):
    paras = "".join(f"<p>Paragraph {i}. {_PARA}</p>" for i in range(6))
    other = "".join(f"<p>Other story {i}. {_PARA}</p>" for i in range(6))
    body = f"""<div class="story-wrap"><article class="story"><h1>Council backs new transport budget</h1>
<div class="story-body">{paras}</div></article></div>
<div class="story-wrap"><article class="story"><h1>Harbour master retires after 40 years</h1>
<div class="story-body">{other}</div></article></div>"""
    art = _load(_html(body), tmp_path)
    assert "Paragraph 5." in art.text
    assert "Other story" not in art.text and "Harbour master" not in art.text


def test_a_sentence_about_a_newsletter_is_news_not_a_prompt(tmp_path):
    paras = "".join(f"<p>Paragraph {i}. {_PARA}</p>" for i in range(5))
    news = ("<p>The council's newsletter, which residents can sign up for at the town hall, "
            "reached 12,000 homes last year.</p>")
    body = f"<article><h1>Council backs new transport budget</h1><div class='article-body'>{paras}{news}{paras}</div></article>"
    art = _load(_html(body), tmp_path)
    assert "reached 12,000 homes last year." in art.text


def test_a_dateline_in_its_own_inline_element_keeps_its_space(tmp_path):
    paras = "".join(f"<p>Paragraph {i}. {_PARA}</p>" for i in range(5))
    body = f"""<article><h1>Harbour wall gives way in storm</h1>
<p><cite class="source">Portree (Wire)</cite>The old harbour wall gave way overnight, the council said.</p>
{paras}</article>"""
    art = _load(_html(body), tmp_path)
    assert "Portree (Wire) The old harbour wall" in art.text
