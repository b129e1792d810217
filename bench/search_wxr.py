#!/usr/bin/env python3
"""Writes a WordPress export (WXR) of N generated German articles to stdout, for bench/search.sh.

Deterministic (fixed seed). Each article has a headline, a lead and four to six paragraphs built from a vocabulary
of precious-metal news, so the benchmark's queries hit some headlines, many bodies, and a few nothing.
"""
import random
import sys
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
rnd = random.Random(16)

metals = ["Gold", "Silber", "Platin", "Palladium", "Rhodium", "Kupfer"]
subjects = ["Der Goldpreis", "Der Silberpreis", "Die Zentralbank", "Die Zentralbanken", "Die Notenbank", "Anleger",
            "Privatanleger", "Der Euro", "Der Dollar", "Die Inflation", "Die Nachfrage nach Münzen", "Der Krügerrand",
            "Die Bundesbank", "Die Europäische Zentralbank", "Händler in der Kölner Innenstadt", "Die Goldreserven",
            "Der Maple Leaf", "Die Feinunze", "Schmuckhersteller", "Minenbetreiber"]
verbs = ["steigt deutlich", "fällt leicht", "bleibt stabil", "erreicht ein Rekordhoch", "schwankt stark",
         "zieht kräftig an", "gibt nach", "legt zu", "sorgt für Unruhe", "überrascht die Märkte"]
reasons = ["wegen der hohen Inflation", "nach der Zinsentscheidung", "trotz geopolitischer Spannungen",
           "angesichts der Bankenkrise", "nach schwachen Konjunkturdaten", "wegen steigender Staatsschulden",
           "nach Käufen der Zentralbanken", "im Umfeld sinkender Zinsen", "wegen der Nachfrage aus Asien",
           "nach einer Rede in Frankfurt", "auf der Straße der Händler", "wegen knapper Lagerbestände"]
extras = ["Experten raten zur Streuung des Vermögens.", "Physische Barren gelten als krisensicher.",
          "Viele Kunden lagern ihre Münzen im Schließfach.", "Die Lieferzeiten für Tafelbarren verlängern sich.",
          "Sparpläne in Edelmetallen werden beliebter.", "Die Mehrwertsteuer auf Silber bleibt ein Thema.",
          "Goldbarren werden in Tresoren sicher verwahrt.", "Die Prägestätten arbeiten an der Kapazitätsgrenze."]
categories = ["Märkte", "Ratgeber", "Edelmetalle", "Politik", "Wirtschaft"]
tags = ["Goldpreis", "Silberpreis", "Inflation", "Zentralbanken", "Münzen", "Barren", "Zinsen", "Dollar"]
authors = [("mmuster", "Max Muster"), ("ekaiser", "Erika Kaiser"), ("hbrenner", "Hildegard Brenner")]


def sentence():
    return f"{rnd.choice(subjects)} {rnd.choice(verbs)} {rnd.choice(reasons)}."


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


start = datetime(2026, 11, 1, tzinfo=timezone.utc)
out = sys.stdout
out.write('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
          'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>Bench</title>\n<link>https://alt.example.de</link>\n'
          '<wp:wxr_version>1.2</wp:wxr_version>\n')
for login, name in authors:
    out.write(f"<wp:author><wp:author_login>{cdata(login)}</wp:author_login><wp:author_display_name>{cdata(name)}</wp:author_display_name></wp:author>\n")
for i in range(1, N + 1):
    metal = rnd.choice(metals)
    title = f"{metal}: {rnd.choice(subjects)} {rnd.choice(verbs)} {rnd.choice(reasons)} ({i})"
    lead = " ".join(sentence() for _ in range(2))
    paragraphs = []
    for _ in range(rnd.randint(4, 6)):
        paragraphs.append("<p>" + escape(" ".join([sentence() for _ in range(rnd.randint(3, 5))] + [rnd.choice(extras)])) + "</p>")
    body = f"<p>{escape(lead)}</p>\n" + "\n".join(paragraphs)
    at = start - timedelta(hours=i * 2, minutes=rnd.randint(0, 59))
    login = rnd.choice(authors)[0]
    out.write("<item>\n")
    out.write(f"<title>{cdata(title)}</title>\n<link>https://alt.example.de/?p={i}</link>\n")
    out.write(f"<dc:creator>{cdata(login)}</dc:creator>\n<guid isPermaLink=\"false\">https://alt.example.de/?p={i}</guid>\n")
    out.write(f"<content:encoded>{cdata(body)}</content:encoded>\n<excerpt:encoded>{cdata(lead)}</excerpt:encoded>\n")
    out.write(f"<wp:post_id>{i}</wp:post_id>\n<wp:post_date_gmt>{cdata(at.strftime('%Y-%m-%d %H:%M:%S'))}</wp:post_date_gmt>\n")
    out.write(f"<wp:post_name>{cdata(f'bench-artikel-{i}')}</wp:post_name>\n<wp:status>{cdata('publish')}</wp:status>\n")
    out.write(f"<wp:post_type>{cdata('post')}</wp:post_type>\n")
    cat = rnd.choice(categories)
    out.write(f"<category domain=\"category\" nicename=\"{cat.lower()}\">{cdata(cat)}</category>\n")
    for tag in rnd.sample(tags, 2):
        out.write(f"<category domain=\"post_tag\" nicename=\"{tag.lower()}\">{cdata(tag)}</category>\n")
    out.write("</item>\n")
out.write("</channel>\n</rss>\n")
