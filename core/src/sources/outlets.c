/* Static tables of news outlets and platforms: hosts to names, aliases to
 * names, and the words that make a name look like a publication. */
#include "sources/outlets.h"

#include <string.h>

#include "sources/outlet_table.h"

typedef struct outlet_row {
  const char *key;   /* a host, or a name/alias as written in text */
  pc_outlet outlet;
} outlet_row;

#define O(k, n) {k, {n, PRECIS_SOURCE_OUTLET}}
#define P(k, n) {k, {n, PRECIS_SOURCE_PLATFORM}}

static const outlet_row hosts[] = {
    O("reuters.com", "Reuters"), O("apnews.com", "Associated Press"),
    O("ap.org", "Associated Press"), O("afp.com", "AFP"), O("bbc.com", "BBC"),
    O("bbc.co.uk", "BBC"), O("nytimes.com", "The New York Times"),
    O("washingtonpost.com", "The Washington Post"), O("theguardian.com", "The Guardian"),
    O("guardian.co.uk", "The Guardian"), O("telegraph.co.uk", "The Telegraph"),
    O("thetimes.co.uk", "The Times"), O("thetimes.com", "The Times"),
    O("nypost.com", "New York Post"), O("abcnews.go.com", "ABC News"),
    O("abcnews.com", "ABC News"), O("abc.net.au", "ABC News (Australia)"),
    O("cbsnews.com", "CBS News"), O("nbcnews.com", "NBC News"), O("cnn.com", "CNN"),
    O("foxnews.com", "Fox News"), O("aljazeera.com", "Al Jazeera"),
    O("aljazeera.net", "Al Jazeera"), O("euronews.com", "Euronews"),
    O("bloomberg.com", "Bloomberg"), O("ft.com", "Financial Times"),
    O("wsj.com", "The Wall Street Journal"), O("politico.com", "Politico"),
    O("politico.eu", "Politico"), O("axios.com", "Axios"), O("dw.com", "DW"),
    O("france24.com", "France 24"), O("kyivindependent.com", "The Kyiv Independent"),
    O("kyivpost.com", "Kyiv Post"), O("independent.co.uk", "The Independent"),
    O("economist.com", "The Economist"), O("npr.org", "NPR"), O("pbs.org", "PBS"),
    O("cnbc.com", "CNBC"), O("msnbc.com", "MSNBC"), O("usatoday.com", "USA Today"),
    O("latimes.com", "Los Angeles Times"), O("thehill.com", "The Hill"),
    O("newsweek.com", "Newsweek"), O("time.com", "Time"), O("theatlantic.com", "The Atlantic"),
    O("dailymail.co.uk", "Daily Mail"), O("mirror.co.uk", "Daily Mirror"),
    O("express.co.uk", "Daily Express"), O("thesun.co.uk", "The Sun"),
    O("sky.com", "Sky News"), O("news.sky.com", "Sky News"), O("itv.com", "ITV News"),
    O("cbc.ca", "CBC News"), O("theglobeandmail.com", "The Globe and Mail"),
    O("spiegel.de", "Der Spiegel"), O("lemonde.fr", "Le Monde"), O("bild.de", "Bild"),
    O("faz.net", "Frankfurter Allgemeine Zeitung"), O("elpais.com", "El Pais"),
    O("tass.com", "TASS"), O("tass.ru", "TASS"), O("ria.ru", "RIA Novosti"),
    O("rt.com", "RT"), O("kyivtimes.net", "Kiev Times"), O("ukrinform.net", "Ukrinform"),
    O("pravda.com.ua", "Ukrainska Pravda"), O("interfax.com", "Interfax"),
    O("themoscowtimes.com", "The Moscow Times"), O("meduza.io", "Meduza"),
    O("nikkei.com", "Nikkei"), O("scmp.com", "South China Morning Post"),
    O("xinhuanet.com", "Xinhua"), O("globaltimes.cn", "Global Times"),
    O("timesofisrael.com", "The Times of Israel"), O("haaretz.com", "Haaretz"),
    O("businessinsider.com", "Business Insider"), O("forbes.com", "Forbes"),
    O("fortune.com", "Fortune"), O("vox.com", "Vox"), O("huffpost.com", "HuffPost"),
    O("benzinga.com", "Benzinga"), O("yahoo.com", "Yahoo News"), O("news.yahoo.com", "Yahoo News"),
    O("msn.com", "MSN"), O("semafor.com", "Semafor"), O("theverge.com", "The Verge"),
    O("wired.com", "Wired"), O("arstechnica.com", "Ars Technica"), O("voanews.com", "Voice of America"),
    O("rferl.org", "Radio Free Europe/Radio Liberty"), O("news.google.com", "Google News"),
    O("wikipedia.org", "Wikipedia"), O("tmz.com", "TMZ"), O("dailycaller.com", "The Daily Caller"),
    O("pagesix.com", "Page Six"), O("nydailynews.com", "New York Daily News"),
    O("hollywoodreporter.com", "The Hollywood Reporter"), O("variety.com", "Variety"),
O("eonline.com", "E! News"), O("liveleak.com", "LiveLeak"),
    O("upi.com", "UPI"), O("efe.com", "EFE"), O("ansa.it", "ANSA"), O("kyodonews.net", "Kyodo News"),
    O("yonhapnews.co.kr", "Yonhap"), O("aa.com.tr", "Anadolu Agency"), O("kcna.kp", "KCNA"),
    P("x.com", "X"), P("twitter.com", "X"), P("t.co", "X"), P("youtube.com", "YouTube"),
    P("youtu.be", "YouTube"), P("truthsocial.com", "Truth Social"),
    P("facebook.com", "Facebook"), P("fb.com", "Facebook"), P("fb.watch", "Facebook"),
    P("instagram.com", "Instagram"), P("t.me", "Telegram"), P("telegram.org", "Telegram"),
    P("tiktok.com", "TikTok"), P("threads.net", "Threads"), P("bsky.app", "Bluesky"),
    P("linkedin.com", "LinkedIn"), P("reddit.com", "Reddit"), P("weibo.com", "Weibo"),
    P("vk.com", "VK"), P("rumble.com", "Rumble"), P("substack.com", "Substack"),
    P("whatsapp.com", "WhatsApp"), P("twitch.tv", "Twitch"),
};

/* Names as the text writes them; canonical names of `hosts` match too. */
static const outlet_row aliases[] = {
    O("AP", "Associated Press"), O("Associated Press", "Associated Press"),
    O("Agence France-Presse", "AFP"), O("Agence France Presse", "AFP"),
    O("BBC News", "BBC"), O("New York Times", "The New York Times"),
    O("NYT", "The New York Times"), O("NY Times", "The New York Times"),
    O("NY Post", "New York Post"), O("nypost", "New York Post"),
    O("Washington Post", "The Washington Post"), O("WaPo", "The Washington Post"),
    O("Guardian", "The Guardian"), O("Telegraph", "The Telegraph"),
    O("Daily Telegraph", "The Telegraph"), O("Sunday Telegraph", "The Telegraph"),
    O("Times", "The Times"), O("Sunday Times", "The Times"),
    O("ABC", "ABC News"), O("CBS", "CBS News"), O("NBC", "NBC News"), O("Fox", "Fox News"),
    O("aljazeera", "Al Jazeera"), O("Al-Jazeera", "Al Jazeera"), O("Al Jazeera English", "Al Jazeera"),
    O("Reuters news agency", "Reuters"), O("Bloomberg News", "Bloomberg"),
    O("FT", "Financial Times"), O("Wall Street Journal", "The Wall Street Journal"),
    O("WSJ", "The Wall Street Journal"), O("Deutsche Welle", "DW"),
    O("Kyiv Independent", "The Kyiv Independent"), O("Kiev Post", "Kyiv Post"),
    O("Kyiv Times", "Kiev Times"), O("Independent", "The Independent"),
    O("Economist", "The Economist"), O("LA Times", "Los Angeles Times"),
    O("Hill", "The Hill"), O("Atlantic", "The Atlantic"), O("Mail", "Daily Mail"),
    O("Mail Online", "Daily Mail"), O("MailOnline", "Daily Mail"), O("Mirror", "Daily Mirror"),
    O("Sun", "The Sun"), O("Sky", "Sky News"), O("Spiegel", "Der Spiegel"),
    O("Globe and Mail", "The Globe and Mail"), O("RIA", "RIA Novosti"),
    O("Moscow Times", "The Moscow Times"), O("Times of Israel", "The Times of Israel"),
    O("Voice of America", "Voice of America"), O("VOA", "Voice of America"),
    O("Radio Free Europe", "Radio Free Europe/Radio Liberty"), O("Live Leak", "LiveLeak"),
    O("Daily Caller", "The Daily Caller"), O("Hollywood Reporter", "The Hollywood Reporter"),
    O("Anadolu", "Anadolu Agency"), O("Kyodo", "Kyodo News"),
    O("RFE/RL", "Radio Free Europe/Radio Liberty"), O("Yahoo", "Yahoo News"),
    P("Twitter", "X"), P("X (Twitter)", "X"), P("X, formerly Twitter", "X"),
    P("Youtube", "YouTube"), P("Truth Social", "Truth Social"), P("TruthSocial", "Truth Social"),
    P("Facebook", "Facebook"), P("Instagram", "Instagram"), P("Telegram", "Telegram"),
    P("TikTok", "TikTok"), P("Tik Tok", "TikTok"), P("Bluesky", "Bluesky"),
    P("VKontakte", "VK"), P("WeChat", "WeChat"), P("Snapchat", "Snapchat"),
    P("Mastodon", "Mastodon"),
};

const char *pc_outlet_platform_name(size_t *cursor) {
  size_t n_alias = sizeof aliases / sizeof aliases[0], n_host = sizeof hosts / sizeof hosts[0];
  while (*cursor < n_alias + n_host) {
    size_t i = (*cursor)++;
    const outlet_row *row = i < n_alias ? &aliases[i] : &hosts[i - n_alias];
    if (row->outlet.kind == PRECIS_SOURCE_PLATFORM) return i < n_alias ? row->key : row->outlet.name;
  }
  return NULL;
}

/* Words that end the name of a publication or broadcaster. */
const char *const pc_outlet_words[] = {
    "times", "post", "news", "journal", "telegraph", "guardian", "herald", "tribune",
    "gazette", "press", "agency", "radio", "television", "tv", "network", "daily",
    "magazine", "wire", "chronicle", "observer", "independent", "express", "mirror",
    "standard", "economist", "insider", "monitor", "media", "broadcasting", "channel",
    "courier", "dispatch", "bulletin", "newspaper", "reporter", "examiner", "inquirer",
    "sentinel", "register", "record", "today", "weekly", "review", "pravda", "izvestia",
    "zeitung", "allgemeine", "nachrichten", "novosti", "kommersant", "vedomosti", NULL};

/* Nouns before a name saying it is a publication (kind outlet) or a media
 * person (kind person). */
const char *const pc_media_nouns[] = {
    "newspaper", "paper", "daily", "tabloid", "broadsheet", "broadcaster", "channel",
    "network", "magazine", "agency", "outlet", "website", "site", "portal", "publication",
    "station", "radio", "tv", "television", "weekly", "podcast", "programme", "program",
    "show", "newswire", "service", NULL};
const char *const pc_media_people[] = {
    "journalist", "reporter", "host", "anchor", "presenter", "interviewer",
    "correspondent", "editor", "podcaster", "commentator", "columnist", "blogger",
    "newsman", "newswoman", "talk-show", NULL};

static unsigned char lower(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

static int ascii_ieq(const char *a, size_t n, const char *z) {
  size_t i = 0;
  for (; i < n && z[i]; i++)
    if (lower((unsigned char)a[i]) != lower((unsigned char)z[i])) return 0;
  return i == n && z[i] == '\0';
}

size_t pc_outlet_normalize(const char *s, size_t n, char *out) {
  while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) { s++; n--; }
  if (n > 4 && ascii_ieq(s, 3, "the") && (s[3] == ' ' || s[3] == '\n' || s[3] == '\t')) {
    s += 4;
    n -= 4;
  }
  size_t k = 0;
  int space = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { space = k > 0; continue; }
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x99) {
      c = '\'';
      i += 2;
    }
    if (k + 2 >= PC_MAX_OUTLET_NAME) return 0;
    if (space) out[k++] = ' ';
    space = 0;
    out[k++] = (char)lower(c);
  }
  out[k] = '\0';
  return k;
}

const pc_outlet *pc_outlet_by_name(const char *name, size_t len) {
  char key[PC_MAX_OUTLET_NAME];
  size_t n = pc_outlet_normalize(name, len, key);
  if (!n) return NULL;
  char canon[PC_MAX_OUTLET_NAME];
  for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
    const char *a = aliases[i].key;
    if (pc_outlet_normalize(a, strlen(a), canon) == n && memcmp(canon, key, n) == 0)
      return &aliases[i].outlet;
  }
  for (size_t i = 0; i < sizeof hosts / sizeof hosts[0]; i++) {
    const char *a = hosts[i].outlet.name;
    if (pc_outlet_normalize(a, strlen(a), canon) == n && memcmp(canon, key, n) == 0)
      return &hosts[i].outlet;
  }
  return NULL;
}

const pc_outlet *pc_outlet_by_host(const char *host, size_t len) {
  const pc_outlet *best = NULL;
  size_t best_len = 0;
  for (size_t i = 0; i < sizeof hosts / sizeof hosts[0]; i++) {
    const char *h = hosts[i].key;
    size_t hl = strlen(h);
    if (hl > len || hl <= best_len) continue;
    if (!ascii_ieq(host + (len - hl), hl, h)) continue;
    if (hl < len && host[len - hl - 1] != '.') continue;
    best = &hosts[i].outlet;
    best_len = hl;
  }
  return best;
}

int pc_outlet_word(const char *word, size_t len) {
  for (size_t i = 0; pc_outlet_words[i]; i++)
    if (ascii_ieq(word, len, pc_outlet_words[i])) return 1;
  return 0;
}

int pc_media_role(const char *word, size_t len) {
  for (size_t i = 0; pc_media_people[i]; i++)
    if (ascii_ieq(word, len, pc_media_people[i])) return PRECIS_SOURCE_PERSON;
  for (size_t i = 0; pc_media_nouns[i]; i++)
    if (ascii_ieq(word, len, pc_media_nouns[i])) return PRECIS_SOURCE_OUTLET;
  return -1;
}

/* ---- the name index ---- */

#define N_ALIASES (sizeof aliases / sizeof aliases[0])
#define N_HOSTS (sizeof hosts / sizeof hosts[0])

const pc_outlet *pc_outlet_row(size_t row, const char **name) {
  if (row < N_ALIASES) {
    *name = aliases[row].key;
    return &aliases[row].outlet;
  }
  if (row - N_ALIASES < N_HOSTS) {
    *name = hosts[row - N_ALIASES].outlet.name;
    return &hosts[row - N_ALIASES].outlet;
  }
  return NULL;
}

const pc_outlet *pc_outlet_index_find(const char *name, size_t len) {
  char key[PC_MAX_OUTLET_NAME];
  size_t n = pc_outlet_normalize(name, len, key);
  if (!n) return NULL;
  const size_t mask = PC_OUTLET_TABLE_CAP - 1;
  for (size_t i = pc_outlet_name_hash(key, n) & mask;; i = (i + 1) & mask) {
    const pc_outlet_slot *s = &pc_outlet_table_slots[i];
    if (!s->row) return NULL;
    if (s->key_len == n && memcmp(pc_outlet_table_keys + s->key_off, key, n) == 0) {
      const char *unused;
      return pc_outlet_row(s->row - 1u, &unused);
    }
  }
}
