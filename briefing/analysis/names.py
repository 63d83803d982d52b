"""Word lists and small helpers for people's names: titles, first names with their usual
gender, name particles, party and nationality words, role nouns.

The first-name lists are written for this project (common given names in British and
international news); they only need to be good enough to agree a pronoun with a name and to
tell a first name from a party label ("Lib Dem Norman Baker").
"""

from __future__ import annotations

import functools
import re

# Honorifics that are never part of the name proper; value: implied gender (None: either).
HONORIFICS = {
    "mr": "m", "mister": "m", "mrs": "f", "ms": "f", "miss": "f", "dr": None, "doctor": None,
    "prof": None, "professor": None, "rev": None, "reverend": None, "sir": "m", "dame": "f",
    "lord": "m", "lady": "f", "baroness": "f", "baron": "m", "mme": "f", "mlle": "f", "m.": "m",
    "herr": "m", "sen": None, "senator": None, "rep": None, "gen": None, "general": None,
    "col": None, "colonel": None, "capt": None, "captain": None, "maj": None, "major": None,
    "sgt": None, "sergeant": None, "insp": None, "inspector": None, "det": None, "supt": None,
    "cllr": None, "councillor": None, "judge": None, "justice": None, "president": None,
    "king": "m", "queen": "f", "prince": "m", "princess": "f", "pope": "m", "cardinal": "m",
    "bishop": None, "archbishop": None, "father": "m", "sheikh": "m", "ayatollah": "m",
    "chancellor": None, "premier": None, "minister": None, "governor": None, "mayor": None,
}
# Honorifics kept in the display name when no first name is known ("Lord Cullen").
PEERAGE = {"lord", "lady", "sir", "dame", "baroness", "baron", "king", "queen", "prince", "princess", "pope"}
# Peers whose full name may carry a territorial designation ("Lord Nicholls of Birkenhead").
PEER_TITLES = {"lord", "lady", "baroness", "baron", "viscount", "earl", "countess"}
# The plain courtesy titles the scorer and readers drop ("Mr Kennedy" is "Kennedy").
COURTESY = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev"}

PARTICLES = {
    "de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "dos", "das", "le", "la",
    "el", "al", "bin", "ibn", "ben", "abu", "st", "st.", "mac", "ter", "ten", "y", "lo", "dal",
}

# Party and affiliation words that NER glues to the front of a name ("Lib Dem Norman Baker").
AFFILIATION_WORDS = {
    "lib", "dem", "dems", "liberal", "liberals", "democrat", "democrats", "democratic", "tory",
    "tories", "labour", "conservative", "conservatives", "unionist", "unionists", "republican",
    "republicans", "snp", "ukip", "plaid", "green", "greens", "independent", "fellow", "former",
    "ex", "shadow", "veteran", "rebel", "new", "old", "ulster", "sinn", "fein", "dup", "sdlp",
    "nationalist", "nationalists", "socialist", "socialists", "communist", "likud", "fatah",
    "hamas", "bnp", "respect", "mp", "mep", "msp", "am", "peer", "backbencher", "backbench",
    "frontbencher", "minister", "secretary", "prime", "deputy", "chancellor", "president",
    "vice", "chief", "executive", "chairman", "chairwoman", "chair", "director", "general",
    "coach", "manager", "boss", "striker", "skipper", "captain", "star", "judge", "justice",
    "defender", "midfielder", "winger", "goalkeeper", "keeper", "forward", "prop", "flanker",
    "hooker", "centre", "wing", "full-back", "fly-half", "scrum-half", "lock", "number",
    "economist", "analyst", "spokesman", "spokeswoman", "secretary-general", "commissioner",
    "governor", "senator", "congressman", "congresswoman", "ambassador", "envoy", "foreign",
    "home", "health", "education", "defence", "defense", "culture", "trade", "industry",
    "environment", "transport", "work", "pensions", "treasury", "cabinet", "office", "party",
    "leader", "olympic", "world", "champion", "european", "british", "english", "scottish",
    "welsh", "irish", "american", "french", "german", "dutch", "spanish", "italian",
    "australian", "united", "nations", "un", "eu", "us", "uk", "nato", "fifa", "uefa",
    "ioc", "iaaf", "icc", "rfu", "wru", "bbc", "itv", "pm", "chairman", "britain", "britain's",
    "england", "wales", "scotland", "ireland", "france", "germany", "italy", "spain", "israeli",
    "palestinian", "egyptian", "iraqi", "iranian", "russian", "chinese", "japanese", "indian",
}

# Letters after a name that are not part of it ("William Haughey OBE", "Ruth Kelly MP").
POST_NOMINALS = {"OBE", "MBE", "CBE", "KBE", "DBE", "GBE", "QC", "KC", "MP", "MEP", "MSP", "AM", "MLA",
                 "TD", "VC", "FRS", "PhD"}

# Capitalised job titles seen before names ("Prime Minister Ephraim Inoni").
TITLE_WORDS = {
    "president", "minister", "secretary", "secretary-general", "chancellor", "premier", "prime",
    "governor", "mayor", "senator", "ambassador", "commissioner", "judge", "justice", "chief",
    "chairman", "chairwoman", "director", "general", "deputy", "vice", "leader", "speaker",
    "coach", "manager", "captain", "skipper", "spokesman", "spokeswoman", "king", "queen",
    "prince", "princess", "pope", "cardinal", "bishop", "archbishop", "inspector", "sheriff",
    "commander", "officer", "attorney", "advocate", "solicitor", "chair", "editor",
    "correspondent", "ceo", "executive", "boss", "head", "founder", "envoy", "adviser",
    "advisor", "economist", "analyst", "professor", "lawyer", "diplomat", "treasurer",
    "constable", "superintendent", "lieutenant", "admiral", "marshal", "provost", "dean",
    "chaplain", "rector", "vicar", "canon", "rabbi", "imam", "emir", "sultan", "chairperson",
    "coroner", "magistrate", "recorder", "registrar", "auditor", "comptroller", "ombudsman",
    "attorney-general", "solicitor-general", "vice-president", "vice-chairman",
}

# Nouns that name a person by job, position or description: the heads of role nominals
# ("the UN chief", "the Sale full-back", "the prime minister").
ROLE_NOUNS = {
    "minister", "secretary", "secretary-general", "president", "chancellor", "premier",
    "leader", "chief", "chairman", "chairwoman", "chair", "director", "executive", "governor",
    "spokesman", "spokeswoman", "spokesperson", "coach", "manager", "boss", "captain",
    "skipper", "striker", "midfielder", "defender", "winger", "goalkeeper", "keeper",
    "forward", "prop", "flanker", "hooker", "centre", "center", "winger", "full-back", "fullback",
    "fly-half", "scrum-half", "player", "star", "champion", "veteran",
    "runner", "athlete", "sprinter", "seed", "cyclist", "golfer", "batsman", "bowler",
    "all-rounder", "international", "youngster", "teenager", "rookie", "debutant",
    "judge", "lawyer", "coach", "number eight", "solicitor", "barrister", "commissioner", "inspector", "officer",
    "mayor", "senator", "ambassador", "envoy", "diplomat", "official", "economist",
    "analyst", "founder", "owner", "editor", "correspondent", "reporter", "journalist",
    "author", "writer", "singer", "actor", "actress", "presenter", "comedian", "director-general",
    "mp", "msp", "mep", "peer", "chef", "entrepreneur", "tycoon", "billionaire", "businessman",
    "businesswoman", "banker", "investor", "adviser", "advisor", "aide", "campaigner",
    "activist", "robber", "prisoner", "inmate", "victim", "suspect", "defendant", "witness",
    "husband", "wife", "father", "mother", "son", "daughter", "brother", "sister", "widow",
    "king", "queen", "prince", "princess", "pope", "cardinal", "bishop", "archbishop", "priest",
    "monarch", "ruler", "dictator", "general", "commander", "colonel", "premier", "speaker",
    "physio", "physiotherapist", "doctor", "surgeon", "scientist", "professor", "researcher",
    "chief-executive", "ceo", "deputy", "incumbent", "challenger", "holder", "titleholder",
    "title-holder", "winner", "finalist", "semi-finalist", "favourite", "pitcher", "quarterback",
    "year-old", "frontman", "midfield", "stopper", "centre-back", "centre-half",
    "left-back", "right-back", "full-back", "half-back", "outside-half", "stand-off",
    "openside", "tighthead", "loosehead", "scrum-half", "utility",
    "stalwart", "legend", "great", "icon", "hero", "newcomer", "replacement", "substitute",
    "understudy", "rival", "opponent", "compatriot", "countryman", "team-mate", "teammate",
}
FEMALE_NOUNS = {
    "spokeswoman", "chairwoman", "businesswoman", "actress", "wife", "mother", "daughter",
    "sister", "widow", "queen", "princess", "woman", "congresswoman", "grandmother", "aunt",
    "girl", "lady", "heiress", "sportswoman", "policewoman", "frenchwoman", "englishwoman",
    "scotswoman", "irishwoman", "welshwoman", "dutchwoman",
}
MALE_NOUNS = {
    "spokesman", "chairman", "businessman", "actor", "husband", "father", "son", "brother",
    "king", "prince", "man", "congressman", "grandfather", "uncle", "boy", "sportsman",
    "policeman", "frenchman", "englishman", "scotsman", "irishman", "welshman", "dutchman",
    "frontman", "countryman",
}

NATIONALITIES = {
    "afghan", "albanian", "algerian", "american", "argentine", "argentinian", "armenian",
    "australian", "austrian", "azerbaijani", "bangladeshi", "belarusian", "belgian",
    "bolivian", "bosnian", "brazilian", "briton", "british", "bulgarian", "cameroonian",
    "canadian", "chilean", "chinese", "colombian", "congolese", "croat", "croatian", "cuban",
    "cypriot", "czech", "dane", "danish", "dutch", "dutchman", "egyptian", "englishman",
    "english", "eritrean", "estonian", "ethiopian", "fijian", "finn", "finnish", "french",
    "frenchman", "frenchwoman", "georgian", "german", "ghanaian", "greek", "hungarian",
    "icelander", "indian", "indonesian", "iranian", "iraqi", "irish", "irishman", "israeli",
    "italian", "ivorian", "jamaican", "japanese", "jordanian", "kenyan", "korean", "kuwaiti",
    "latvian", "lebanese", "liberian", "libyan", "lithuanian", "malaysian", "maltese",
    "mexican", "moroccan", "namibian", "new zealander", "nigerian", "norwegian", "pakistani",
    "palestinian", "peruvian", "filipino", "pole", "polish", "portuguese", "romanian",
    "russian", "rwandan", "samoan", "saudi", "scot", "scotsman", "scottish", "senegalese",
    "serb", "serbian", "sierra leonean", "slovak", "slovenian", "somali", "spaniard",
    "spanish", "sri lankan", "sudanese", "swede", "swedish", "swiss", "syrian", "taiwanese",
    "tanzanian", "thai", "tongan", "tunisian", "turk", "turkish", "ugandan", "ukrainian",
    "uruguayan", "uzbek", "venezuelan", "vietnamese", "welsh", "welshman", "yemeni",
    "zambian", "zimbabwean", "kiwi", "aussie", "springbok", "wallaby", "all black", "european",
    "african", "asian", "arab", "latin", "south african", "north korean", "south korean",
    "ulsterman", "yorkshireman", "northerner", "southerner", "catalan", "basque", "kurd",
}

# Country (or people) keys, so that "Britain's Tim Henman" is "the Briton" and "the
# Frenchman" is "French striker X": demonyms and places that do not follow "place + n".
_NATION_OF = {
    "britain": "british", "briton": "british", "uk": "british", "england": "english",
    "englishman": "english", "scotland": "scottish", "scot": "scottish", "scotsman": "scottish",
    "wales": "welsh", "welshman": "welsh", "ireland": "irish", "irishman": "irish",
    "france": "french", "frenchman": "french", "frenchwoman": "french", "us": "american",
    "usa": "american", "america": "american", "germany": "german", "spain": "spanish",
    "spaniard": "spanish", "holland": "dutch", "netherlands": "dutch", "dutchman": "dutch",
    "denmark": "danish", "dane": "danish", "sweden": "swedish", "swede": "swedish",
    "finland": "finnish", "finn": "finnish", "poland": "polish", "pole": "polish",
    "switzerland": "swiss", "portugal": "portuguese", "china": "chinese", "japan": "japanese",
    "greece": "greek", "turkey": "turkish", "turk": "turkish", "serbia": "serbian", "serb": "serbian",
    "croatia": "croatian", "croat": "croatian", "norway": "norwegian", "argentina": "argentine",
    "argentinian": "argentine", "brazil": "brazilian", "morocco": "moroccan", "mexico": "mexican",
    "peru": "peruvian", "chile": "chilean", "iraq": "iraqi", "israel": "israeli", "kuwait": "kuwaiti",
    "pakistan": "pakistani", "new zealand": "new zealander", "kiwi": "new zealander",
    "aussie": "australian", "czech republic": "czech", "lebanon": "lebanese", "sudan": "sudanese",
    "ukraine": "ukrainian", "belgium": "belgian", "hungary": "hungarian", "thailand": "thai",
}


def nation_key(word: str) -> str:
    """One key per country for a demonym, people noun or place: "Briton", "British" and
    "Britain" -> "british"; "Kenya" -> "kenyan"."""
    w = norm_word(word).replace("'s", "").replace("\u2019s", "")
    if w in _NATION_OF:
        return _NATION_OF[w]
    if w in NATIONALITIES:
        return w
    if w + "n" in NATIONALITIES:  # kenya -> kenyan, russia -> russian
        return w + "n"
    if w + "ian" in NATIONALITIES:  # egypt -> egyptian
        return w + "ian"
    if w[-1:] in ("a", "y") and w[:-1] + "ian" in NATIONALITIES:  # canada -> canadian, italy -> italian
        return w[:-1] + "ian"
    return w


# Words NER sometimes tags as a person although they are never one on their own.
NOT_NAMES = {
    "olympic", "olympics", "paralympic", "christmas", "easter", "god", "allah", "jesus christ",
    "internet", "web", "euro", "euros", "sterling", "dollar", "brexit", "premiership",
    "championship", "cup", "grand", "slam", "test", "tests", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "ok", "tv",
    "mps", "msps", "meps", "lords", "commons", "whitehall", "downing", "nasdaq", "dow", "ftse",
    "footsie", "nikkei", "dax", "cac", "hang", "seng", "vat", "gdp", "ceo", "plc", "ltd",
    "inc", "twickenham", "wembley", "murrayfield", "anfield", "lansdowne", "hampden",
    "wimbledon", "melbourne", "sydney", "doha", "dubai", "athens", "beijing",
}

# Words that make a capitalised span an organisation or a place, not a person.
ORG_WORDS = {
    "ltd", "plc", "inc", "corp", "corporation", "co", "company", "group", "holdings", "bank",
    "fc", "afc", "united", "city", "rovers", "athletic", "wanderers", "county", "club", "party",
    "council", "committee", "commission", "ministry", "department", "office", "agency",
    "association", "union", "federation", "institute", "university", "college", "school",
    "hospital", "prison", "court", "house", "street", "road", "stadium", "park", "airport",
    "airways", "airlines", "motors", "records", "foundation", "trust", "fund", "society",
    "authority", "board", "service", "services", "police", "army", "navy", "force", "forces",
    "news", "times", "post", "telegraph", "journal", "mail", "herald", "guardian", "press",
    "network", "channel", "radio", "tv", "television", "studios", "pictures", "records",
    "energy", "oil", "gas", "steel", "telecom", "communications", "systems", "technologies",
    "software", "electronics", "pharmaceuticals", "insurance", "investments", "partners",
    "capital", "securities", "exchange", "market", "markets", "index", "prize", "award",
    "awards", "cup", "trophy", "worldwide", "international", "interview", "podcast", "league", "championship", "championships", "games", "open",
    "act", "bill", "report", "pension", "scheme", "programme", "plan", "strategy", "summit",
    "conference", "forum", "treaty", "convention", "church", "cathedral", "abbey", "palace",
    "castle", "hall", "centre", "center", "square", "bridge", "tower", "island", "islands",
    "river", "lake", "mountains", "valley", "region", "province", "state", "republic",
    "kingdom", "empire", "tribunal", "inquiry", "review", "executive", "government",
    "parliament", "assembly", "congress", "senate", "cabinet", "bureau", "organisation",
    "organization", "alliance", "coalition", "movement", "front", "brigade", "brigades",
    "blues", "reds", "lions", "tigers", "sharks", "saints", "wasps", "quins", "harlequins",
    "ospreys", "scarlets", "dragons", "warriors", "rebels", "stars", "bulls", "jets",
    "team", "utd", "fc", "ak", "sc", "ac", "cf", "rfc", "xi", "outfit", "magazine", "magazin",
    "consort", "brewery", "motors", "airport", "station", "hotel", "cafe", "restaurant",
    "pharma", "railways", "railway", "industries", "enterprises", "resources", "mining", "foods",
    "brewing", "chemicals", "logistics", "media", "entertainment", "publishing", "stores",
    "shipping", "properties", "hotels", "telecommunications", "biotech", "bancorp", "airline",
    "incorporated", "limited", "llc", "llp", "gmbh",
}

# Known place names the small model sometimes tags as people.
PLACES = {
    "barlinnie", "cardiff", "dublin", "edinburgh", "glasgow", "london", "belfast", "paris",
    "rome", "madrid", "berlin", "brussels", "washington", "moscow", "tokyo", "jerusalem",
    "gaza", "cairo", "baghdad", "tehran", "kabul", "beirut", "damascus", "yaounde", "kent",
    "surrey", "essex", "lancashire", "yorkshire", "hampshire", "gloucestershire", "wales",
    "scotland", "england", "ireland", "britain", "france", "germany", "italy", "spain",
    "europe", "africa", "asia", "america", "china", "india", "japan", "russia", "israel",
    "egypt", "iraq", "iran", "syria", "lebanon", "leeds", "manchester", "liverpool",
    "newcastle", "birmingham", "sheffield", "bristol", "leicester", "nottingham", "swansea",
    "neath", "bath", "gloucester", "sale", "northampton", "worcester", "llanelli", "ulster",
    "munster", "leinster", "connacht", "chelsea", "arsenal", "everton", "fulham", "portsmouth",
    "southampton", "middlesbrough", "sunderland", "wigan", "bolton", "blackburn", "charlton",
    "tottenham", "aston", "villa", "millwall", "reading", "ipswich", "norwich", "derby",
    "stoke", "burnley", "celtic", "rangers", "hibernian", "hearts", "aberdeen", "dundee",
    "kilmarnock", "motherwell", "barcelona", "milan", "inter", "juventus", "lazio", "roma",
    "monaco", "lyon", "marseille", "porto", "benfica", "ajax", "psv", "bayern", "dortmund",
    "helsinki", "doha", "melbourne", "sydney", "auckland", "durban", "cape", "town",
    "spurs", "azzurri", "gunners", "hammers", "toffees", "magpies", "canaries", "baggies",
    "wolves", "boro", "pompey", "barca", "juve", "atletico", "real", "forest", "albion",
    "valencia", "marseille", "marseilles", "basle", "basel", "olympiakos", "olympiacos",
    "panathinaikos", "galatasaray", "fenerbahce", "feyenoord", "eindhoven", "madrid", "munich",
    "dortmund", "bremen", "hamburg", "leverkusen", "schalke", "parma", "sampdoria", "fiorentina",
    "napoli", "bologna", "torino", "genoa", "sevilla", "seville", "betis", "deportivo",
    "villarreal", "bilbao", "zaragoza", "mallorca", "tynecastle", "ibrox", "parkhead",
    "highbury", "stamford", "old trafford", "gatwick", "heathrow", "stansted", "westminster",
    "brussels", "geneva", "zurich", "vienna", "prague", "warsaw", "budapest", "bucharest",
    "kiev", "kyiv", "istanbul", "ankara", "athens", "lisbon", "oporto", "amsterdam",
    "rotterdam", "stockholm", "oslo", "copenhagen", "dublin", "cork", "limerick", "galway",
    "boston", "chicago", "detroit", "houston", "dallas", "atlanta", "miami", "seattle",
    "toronto", "montreal", "vancouver", "mexico", "brazil", "argentina", "chile", "peru",
    "colombia", "venezuela", "cuba", "jamaica", "nigeria", "ghana", "kenya", "ethiopia",
    "morocco", "algeria", "tunisia", "libya", "sudan", "zimbabwe", "zambia", "uganda",
    "tanzania", "pakistan", "afghanistan", "bangladesh", "indonesia", "malaysia", "singapore",
    "thailand", "vietnam", "korea", "taiwan", "philippines", "australia", "zealand", "canada",
    "ukraine", "poland", "hungary", "romania", "bulgaria", "greece", "turkey", "cyprus",
    "portugal", "belgium", "netherlands", "holland", "denmark", "sweden", "norway", "finland",
    "iceland", "austria", "switzerland", "czech", "slovakia", "serbia", "croatia", "bosnia",
    "shanghai", "mumbai", "bombay", "delhi", "calcutta", "kolkata", "karachi", "lahore",
    "jakarta", "manila", "seoul", "bangkok", "osaka", "cannes", "nice", "lille", "lens",
    "bordeaux", "toulouse", "perpignan", "biarritz", "clermont", "stade", "buenos", "aires",
    "rio", "janeiro", "sao", "paulo", "lagos", "nairobi", "johannesburg", "pretoria",
}

INITIAL_RE = re.compile(r"^(?:[A-Z]{1,3}|[A-Z]\.(?:[A-Z]\.){0,2}|[A-Z]-[A-Z]\.?|[A-Z][a-z]?\.)$")


def is_initial(word: str) -> bool:
    """ "J", "J.", "AJ", "J-P", "CA": initials standing for first names in team sheets."""
    return bool(INITIAL_RE.match(word)) and word.rstrip(".") not in {"I"} | _ROMAN


_ROMAN = {"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XV"}


@functools.lru_cache(maxsize=16384)
def norm_word(word: str) -> str:
    """Lowercase, without dots and curly apostrophes, for comparing name words."""
    return word.replace("\u2019", "'").replace(".", "").lower()


def initial_letters(word: str) -> str:
    """The initial letters a word stands for: "J-P" -> "jp", "AJ" -> "aj", "John" -> "j"."""
    if is_initial(word):
        return re.sub(r"[^A-Za-z]", "", word).lower()
    parts = [p for p in re.split(r"[-\s]", word) if p]
    return "".join(p[0].lower() for p in parts) if parts else ""


MALE_FIRST = set("""
rishi keir
aaron abdul abdullah abu adam adrian ahmed ahmad aidan alan alastair albert alberto alec
alejandro alessandro alex alexander alexandre alexei alfred ali alistair allan alun amir
anatoly anders andre andrea andreas andrei andres andrew andy angus anthony antoine anton
antonio ariel arnold arsene arthur ashley austin avigdor ayman barack barry bart basil ben
benjamin benoit bernard bernie bert bill billy bjorn blake bob bobby boris brad bradley
brendan brian bruce bruno bryan byron callum calvin cameron carl carlo carlos cecil cesar
charles charlie chris christian christoph christophe christopher clarence claude clement
clint clive colin conor craig cristiano curtis cyril dale damian damien dan daniel danny
dario darren dave david dean declan dennis denis derek desmond diego dimitri dirk dmitry
dominic don donald douglas drew duncan dwight earl ed eddie edgar edmund eduardo edward
edwin ehud eli elias elliot emile emmanuel enrique eric erik ernest ernie esteban eugene
evan ewan fabio fabrizio felipe felix ferdinand fernando filippo finlay francesco francis
francisco franck franco frank frankie franz fred freddie frederick gabriel gareth garry gary
gavin geoff geoffrey george georg gerald gerard gerhard gerry gethin giles gilles giovanni
giuseppe glen glenn gordon graeme graham grant greg gregor gregory guillermo gus gustavo guy
hamid hans harold harry harvey hassan hector henri henrik henry herbert hicham horst howard
hugh hugo hussein iain ian ibrahim ignacio igor imran isaac ismail ivan jack jacob jacques
jake james jamie jan jason javier jay jean jeff jeffrey jeremy jerome jerry jesse jim jimmy
joachim joao joe joel johan johann john johnny jon jonathan jonny jordi jorge jose josef
joseph josh joshua juan jules julian julien jurgen justin kai karim karl keith kelvin ken
kenneth kenny kevin khalid kieran kim kirk klaus kofi kurt kyle lars laurent lawrence lee
len lennox leo leon leonard leonardo leslie lewis liam lionel lloyd lorenzo louis luc luca
lucas luis luigi luiz luke lyndon mahmoud malcolm manuel marc marcel marco marcus mario mark
marko martin martyn mathew mathieu matt matteo matthew matthias maurice max maxim mehmet mel
michael michel miguel mike mikhail milan miles mitchell mohamed mohammad mohammed morgan
muhammad murray mustafa nathan neil nelson nick nicholas nicky nico nicolas nigel nikolai
noel norman oleg oliver omar oscar osama owen pablo paddy paolo pascal pat patrick paul
paulo pedro percy pete peter phil philip philippe phillip pierre piers rafael rafa ralf ralph
ramon randy raul ray raymond reggie reginald rene rhodri rhys ricardo riccardo richard
richie rick ricky rob robbie robert roberto robin rod rodney roger roland rolf roman ron
ronald ronaldo ronnie rory ross roy ruben rudolf rudy rupert russell ryan saddam salman sam
sami samuel sandy saul scott sean sebastian sergei sergio seth shane shaun sidney silvio
simon sonny spencer stan stanley stefan stefano stephane stephen steve steven stewart
stuart sven terence terry theo theodore thierry thomas tim timothy tobias todd tom tommy
tony trevor tristan troy ulrich uwe valentino victor vijay vince vincent vladimir vladislav
walter warren wayne wesley will william willie wolfgang xavier yasser yitzhak yuri yves
zach zinedine jonah gideon benny shimon ariel yehuda moshe nawaz pervez hamid hosni
kenenisa haile paavo sebastien jacques-yves roman dirk-jan jean-pierre jean-claude
jean-paul jean-marie jean-luc jean-louis jean-francois john-paul jens gunter gunther
helmut gerhard joschka otto wim ruud dick johan thabo nelson jacob kgalema desmond
mervyn eddie nobby jackie jock hamish fergus euan ewan ruaridh lachlan alasdair dougie
geraint gwyn huw ieuan iwan dafydd emyr aled bryn dai ioan llyr meirion rhodri tudor
wynford garin shane gethin dwayne ryan leighton kieron colm eoin ronan cathal niall
padraig seamus shay fintan donal diarmuid ciaran malachy brendan denis mick mickey
micky marcos mauricio nestor hugo evo lula cristian adriano kaka rivaldo romario
zico thiago andriy oleksandr viktor vitali wladimir lennart ingemar zlatan henrik
freddy ole gunnar tore ivar matti mika kimi jari nigel damon lewis jenson lleyton
juan-pablo rubens felipe fernando jarno giancarlo kimi mark martin ross anton
""".split())

FEMALE_FIRST = set("""
abigail ada adele adriana agnes aisha alexandra alice alicia alison amanda amber amelie
amy ana andrea angela angelina angie anita ann anna anne annette annie antonia april
audrey barbara beatrice beatriz becky belinda benazir beth bethany betty beverley brenda
bridget brigitte britney camilla carla carmen carol caroline carolyn cassandra catherine
cathy cecilia celine charlotte chelsea cherie cheryl chloe christina christine cindy claire
clara clare claudia colleen condoleezza connie cora courtney cynthia daisy dana danielle
daphne dawn debbie deborah denise diana diane dina dolores donna doreen doris dorothy edith
edwina eileen elaine eleanor elena elisabeth eliza elizabeth ella ellen emilie emily emma
erica erin estelle esther eva eve evelyn fatima fiona florence frances francesca gabriela
gabrielle gail gemma georgina geraldine gillian gina gisele gladys glenda gloria grace
gwen gwyneth hannah harriet hayley hazel heather heidi helen helena hilary hillary holly
imogen ingrid irene iris isabel isabella isabelle jackie jacqui jacqueline jade jane janet
janice jayne jean jeanne jemima jennifer jenny jessica jill jo joan joanna joanne jocelyn
josephine joy joyce judith judy julia julie juliet justine karen karin kate katherine
kathleen kathryn kathy katie katy kay kelly kerry kim kirsty kristina laura lauren lea leah
leila lesley liliane lillian lily linda lindsay lisa liz liza lois lorna lorraine louise
lucia lucy lydia lynda lynn lynne madeleine madonna maggie mandy margaret margarita
margot maria mariam marie marilyn marina marion marjorie martha martina mary maureen
maxine megan melanie melinda melissa meryl michaela michele michelle mildred miranda
miriam molly monica muriel nadia nancy naomi natalie natasha nell nicola nicole nina
nora norma olga olivia paige pamela patricia paula pauline penelope penny petra philippa
phyllis polly priscilla rachel rebecca regina renata renee rita roberta rosa rosalind
rose rosemary ruth sabine sally samantha sandra sara sarah serena sharon sheila shelley
shirley silvia simone sinead sofia sonia sophia sophie stacey stella stephanie sue susan
susanne suzanne svetlana sylvia tamara tanya tara teresa tessa theresa tina tracey tracy
ursula valerie vanessa venus vera veronica vicky victoria violet virginia wendy whitney
yolanda yvonne zoe zara kelly-ann kirsten jenna tessa tanni denise marion
tzipi golda indira hina benazir yulia angela segolene ségolène cherie kirsty jodie kim
amelie justine svetlana maria anastasia elena dinara jelena ana daniela anke birgit
franziska gabi heike katarina steffi martina lindsey venus jennifer colette
shannon jayne maeve aoife siobhan niamh roisin orla grainne mairead bernadette
oprah meghan kamala greta jacinda nicola sinead imelda
""".split())
# Names common for both sexes, or that clash: no gender from them.
_UNISEX = {"kim", "jean", "jackie", "andrea", "morgan", "kelly", "kerry", "lindsay", "leslie",
           "sandy", "sam", "jo", "chris", "alex", "ashley", "robin", "jody", "lynn", "kay", "gabi",
           "ariel"}
MALE_FIRST -= _UNISEX
FEMALE_FIRST -= _UNISEX | {"chelsea"}
FIRST_NAMES = MALE_FIRST | FEMALE_FIRST | _UNISEX


def first_name_gender(word: str) -> str | None:
    w = norm_word(word)
    if w in MALE_FIRST:
        return "m"
    if w in FEMALE_FIRST:
        return "f"
    # Hyphenated French-style names go by their first part ("Jean-Pierre").
    if "-" in w:
        return first_name_gender(w.split("-")[0]) if w.split("-")[0] not in _UNISEX else None
    return None


def is_first_name(word: str) -> bool:
    w = norm_word(word)
    return w in FIRST_NAMES or ("-" in w and w.split("-")[0] in FIRST_NAMES)


PARTY_FORMS = {
    # surface form (lowercase, no "the") -> canonical party
    "lib dem": "Liberal Democrats", "lib dems": "Liberal Democrats",
    "liberal democrat": "Liberal Democrats", "liberal democrats": "Liberal Democrats",
    "tory": "Conservatives", "tories": "Conservatives", "conservative": "Conservatives",
    "conservatives": "Conservatives", "conservative party": "Conservatives",
    "tory party": "Conservatives", "labour": "Labour", "labour party": "Labour",
    "snp": "Scottish National Party", "scottish national party": "Scottish National Party",
    "ukip": "UK Independence Party", "uk independence party": "UK Independence Party",
    "plaid cymru": "Plaid Cymru", "plaid": "Plaid Cymru", "greens": "Green Party",
    "green party": "Green Party", "democrats": "Democrats", "republicans": "Republicans",
    "democratic party": "Democrats", "republican party": "Republicans",
}


def looks_like_party(text: str) -> bool:
    t = norm_word(text).replace("'s", "").strip()
    t = re.sub(r"^the ", "", t)
    if t in PARTY_FORMS:
        return True
    words = re.split(r"[\s\-]+", t)
    return bool(words) and all(w in AFFILIATION_WORDS for w in words) and any(
        w in {"lib", "dem", "dems", "tory", "tories", "labour", "conservative", "conservatives",
              "liberal", "democrat", "democrats", "republican", "republicans", "snp", "ukip"}
        for w in words)

# Role heads that are also ordinary nouns ("the centre of town"): a nominal with one of
# these heads must be a grammatical subject to count as a person.
AMBIGUOUS_ROLE_HEADS = {
    "centre", "center", "forward", "prop", "star", "seed", "chief", "international", "great",
    "hooker", "keeper", "champion", "winner", "favourite", "holder", "official", "head",
}
# Playing positions: two different ones never name the same player.
POSITIONS = {
    "striker", "midfielder", "defender", "winger", "goalkeeper", "keeper", "forward", "prop",
    "flanker", "hooker", "centre", "center", "full-back", "fullback", "fly-half", "scrum-half",
    "lock", "number eight", "openside", "tighthead", "loosehead", "centre-back", "centre-half",
    "left-back", "right-back", "wing", "outside-half", "stand-off", "batsman", "bowler",
    "all-rounder", "wicketkeeper", "pitcher", "quarterback", "opener",
}

# Nouns after a person's name that make the name part of what a place or thing is called:
# "the Matthew Harding stand", "Rhein-Main airport", "the Nobel Prize".
EPONYM_NOUNS = {
    "stand", "stadium", "road", "street", "lane", "avenue", "park", "hall", "centre",
    "center", "bridge", "airport", "trophy", "cup", "award", "awards", "prize", "medal", "shield",
    "foundation", "institute", "institution", "memorial", "lecture", "hospital", "school",
    "college", "university", "house", "building", "tower", "square", "gardens", "theatre",
    "theater", "library", "museum", "gallery", "arena", "terrace", "scholarship", "fund",
    "trust", "doctrine", "stakes", "handicap", "chase", "hurdle", "station", "ground",
    "pavilion", "dome", "reservoir", "canal", "prison", "barracks", "church", "chapel",
    "cathedral", "abbey", "mall", "terminal",
}
# Makers whose name starts a product ("Vauxhall Corsa", "Ford Focus"), not a person's name.
PRODUCT_MAKERS = {
    "vauxhall", "ford", "toyota", "nissan", "honda", "renault", "peugeot", "citroen", "fiat",
    "volkswagen", "vw", "audi", "bmw", "mercedes", "mercedes-benz", "porsche", "ferrari",
    "jaguar", "rover", "skoda", "volvo", "saab", "kia", "hyundai", "mazda", "mitsubishi",
    "subaru", "suzuki", "lexus", "bentley", "rolls-royce", "lotus", "chevrolet", "cadillac",
    "chrysler", "dodge", "jeep", "lada", "daewoo", "proton", "lamborghini", "maserati",
    "boeing", "airbus", "sony", "nintendo", "microsoft", "apple", "nokia", "motorola", "samsung",
}
