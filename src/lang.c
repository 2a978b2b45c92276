/* SPDX-License-Identifier: MIT */
/* lang.c - the language table: one row per language the reader knows.
 *
 * Each field is a PCRE2 fragment (UTF, UCP); see lang.h for what it must
 * capture. S is one blank as the reader sees blanks inside a line; the
 * patterns never see line ends (a paragraph is joined with spaces first).
 * To add a language, add a row: its code, its header grammar, its lead-in
 * sentences, its month names and a few of its commonest words. */
#include "lang.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "util.h"

/* one blank: space, tab, form feed, NBSP, narrow NBSP, thin space */
#define S "[ \\t\\f\\x{a0}\\x{202f}\\x{2009}]"
/* an apostrophe as typed or as typeset */
#define AP "['\\x{2019}]"
/* the addressee in a lead-in: a phrase without sentence punctuation */
/* the subject of a sentence that starts a paragraph: up to seven words */
#define SUBJECT "(?<to>(?:\\p{L}[\\p{L}\\-\\x{2019}\x27]*" S "+){0,6}?\\p{L}[\\p{L}\\-\\x{2019}\x27]*)"
#define TO(n) "(?<to>[^:;.!?\\x{ff1a}\\x{3002}\\x{ff0c}]{1," #n "}?)"

const rec_lang rec_langs[] = {
    {
        .code = "en",
        .name = "English",
        .header = "^" S "*(?<lead>"
                  "(?:(?:Key|KEY|Main|MAIN|Our|OUR|Principal|PRINCIPAL|Summary\\s+of|SUMMARY\\s+OF)" S "+)?"
                  "(?:Recommendations?|RECOMMENDATIONS?)" S "+(?:to|To|TO|for|For|FOR)"
                  "(?:" S "+(?:the|The|THE)(?=" S "|:|$))?"
                  "|(?:To|TO)" S "+(?:the|The|THE)(?=" S "|:|$)"
                  /* a bare To: a lower-case word makes a sentence ("To date,"),
                   * unless it is a short plural noun phrase ending with a colon */
                  "|(?:To|TO)(?=" S "*:|" S "+(?:(?:all|both|each|every|member|members)\\b|(?!\\p{Ll}))"
                  "|" S "+(?!(?:this|thus|address|access|assess|discuss|express|process|progress"
                  "|stress|focus|witness|redress|harness|bypass|possess|dismiss|suppress)\\b)"
                  "\\p{Ll}+s\\b(?:" S "+\\p{Ll}+){0,5}" S "*:" S "*$)"
                  ")(?:" S "+(?<rest>.*)|" S "*:" S "*$|" S "*$)",
        .leadin =
            {
                "(?i:recommendations?)" S "+(?i:to|for)" S "+" TO(120) S "+(?i:are|is|include)"
                                                                         "(?:" S "+(?i:as" S "+follows|the" S
                                                                         "+following))?" S "*:",
                "(?i:were|was|are|is|have" S "+been|has" S "+been)" S
                "+(?i:made|addressed|directed|put|formulated)" S "+(?i:to)" S
                "+" TO(120) "(?=" S "*(?:[:.,;]|$)|" S "+(?i:and|during|by|at|in|on)\\b)",
                "(?i:examined)" S "+(?i:by)" S "+" TO(120) "(?=" S "*(?:[:,]|$)|" S "+(?i:and|which|who)\\b)",
                "(?i:the)" S "+(?i:support)" S "+(?i:of)" S "+" TO(120) "(?=" S "*(?:[:,.;]|$)|" S
                                                                        "+(?i:and|which)\\b)",
                "^" TO(80) S "+(?:should|must|shall)(?:" S "+(?:also|further|in" S
                             "+particular|urgently|immediately))?" S "*:" S "*$",
                "(?i:call|calls|called|calling)" S "+(?i:up)?(?i:on)" S "+" TO(120) S "+(?i:to)(?=" S "*:|" S
                                                                                      ")",
                "(?i:urges?|urged|recommends?|recommended|encourages?|asks?|requests?|invites?|exhorts?)" S
                "+(?!(?i:that)\\b)" TO(120) S "+(?i:to)(?=" S "*:|" S "+\\p{Ll})",
                "(?i:recommends?|recommended|urges?|requests?)" S "+(?i:that)" S
                "+" TO(120) "(?:" S "+(?i:should))?" S "*:" S "*$",
            },
        .recommends =
            "(?i:\\b(?:recommends?|recommended|urges?|urged|calls?" S "+(?:up)?on|encourages?"
            "|requests?|invites?|exhorts?|reiterates" S "+its" S "+(?:\\w+" S "+)?recommendations?)\\b)"
            "|(?i:State" S "+party|Government|authorities|States)\\S*" S "+(?:should|must)\\b"
            "|(?i:(?:is|are)" S "+(?:requested|encouraged|invited|urged|called" S "+upon)" S "+to)\\b",
        .addressee =
            "(?i:recommends?|recommended|urges?|requests?|encourages?|calls?" S
            "+(?:up)?on|invites?|exhorts?)" S "+(?:(?i:that)" S "+)?(?<to>(?i:the" S "+State" S
            "+party)|(?i:all" S "+States)"
            "|(?i:the" S "+(?:international" S "+community|authorities|government|donors))"
            "|(?:(?i:the)" S "+)?\\p{Lu}[\\p{L}\\-\\x{2019}\x27]*(?:" S "+(?:(?:of|and|for|on|in|the|to)" S
            "+)*\\p{Lu}[\\p{L}\\-\\x{2019}\x27]*)*"
            /* "that business enterprises conduct ...": a few words
                      * ending in a noun that names an addressee */
            "|(?:(?:the|all)" S "+)?(?:\\p{Ll}[\\p{L}\\-]*" S "+){0,3}?"
            "(?:governments|states|enterprises|businesses|companies|corporations|donors|authorities"
            "|parliaments|institutions|organizations|organisations|agencies|actors|partners|bodies"
            "|investors|banks|platforms|providers|legislators|lawmakers|officials|ministries|forces)\\b)",
        .addressees =
            "(?i:\\b(?:governments?|ministr(?:y|ies)|parliament|congress|senate|assembl(?:y|ies)|president"
            "|prime" S "+minister|police|army|military|armed" S "+forces|security" S "+forces|authorities"
            "|donors?|embass(?:y|ies)|agenc(?:y|ies)|united" S "+nations|council|commission|committee|courts?"
            "|judiciary|prosecutors?|attorney|secretary|states|international" S "+community|compan(?:y|ies)"
            "|businesses|partners|union|bank|legislature|cabinet|department|governor|municipalit(?:y|ies)"
            "|commissioner|ombudsman|institutions?|ngos|civil" S "+society|armed" S "+groups?|parties"
            "|offices?|king|defen[cs]e|interior|justice|organi[sz]ations?|rapporteurs?|envoys?|ombudsperson"
            "|representatives?|missions?|high" S "+commissioner|secretary-general|(?-i:UN|EU|AU))\\b)",
        .state_party = "(?i:the" S "+)?(?i:State" S "+party)",
        .title = "(?i:concluding" S "+observations" S "+on)" S "+.*?(?i:reports?)" S "+(?i:of|submitted" S
                 "+by)" S "+(?:the" S "+)?(?<to>\\p{Lu}[^*\\[\\],;]*?)" S "*(?:\\*|\\[|,|;|$)"
                 /* the older form: "... of the Committee against Torture: Freedonia" */
                 "|(?i:concluding" S "+observations" S "+of" S "+the)" S "+[^:]{3,160}?:" S "*(?:the" S "+)?"
                 "(?<to>\\p{Lu}[^*\\[\\],;:]*?)" S "*(?:\\*|\\[|,|;|$)",
        .supported =
            "(?i:enjoys?" S "+the" S "+support|enjoyed" S "+the" S "+support|enjoy" S "+its" S "+support"
            "|(?:have|has)" S "+been" S "+(?:accepted|supported)|were" S "+(?:accepted|supported)"
            "|are" S "+(?:accepted|supported)|received" S "+the" S "+support)",
        .noted = "(?i:(?:did|do|does)" S "+not" S "+(?:enjoy|receive)|not" S "+(?:been" S
                 "+)?(?:accepted|supported)"
                 "|(?:have|has)" S "+been" S "+noted|were" S "+noted|are" S "+noted|noted" S "+by"
                 "|took" S "+note|takes" S "+note|has" S "+noted|rejected)",
        .pending =
            "(?i:will" S "+be" S "+examined|will" S "+examine|will" S "+provide" S "+(?:its" S "+)?responses"
            "|will" S "+respond|under" S "+consideration|further" S "+consideration)",
        .date = "^" S "*(?:"
                "(?<m>\\p{L}+)\\.?" S "+(?<d>[0-9]{1,2})(?:st|nd|rd|th)?,?" S "+(?<y>[0-9]{4})"
                "|(?<d>[0-9]{1,2})(?:st|nd|rd|th)?" S "+(?<m>\\p{L}+)\\.?,?" S "+(?<y>[0-9]{4})"
                ")" S "*$",
        .months = {"january|jan", "february|feb", "march|mar", "april|apr", "may", "june|jun", "july|jul",
                   "august|aug", "september|sept|sep", "october|oct", "november|nov", "december|dec"},
        .articles = "the",
        .by_line = "(?i:recommended" S "+by)" S "*:",
        .should = SUBJECT S "+(?:should|must)" S "+(?!(?i:have|not" S "+have|be" S "+noted)\\b)",
        .contents = "(?i:(?:table" S "+of" S "+)?contents)",
        .stopwords = "the and of to in that for with should on by are is be this its their",
    },
    {
        .code = "fr",
        .lower_heads = 1,
        .name = "French",
        .header =
            "^" S "*(?<lead>"
            "(?:Recommandations?|RECOMMANDATIONS?)(?:" S "+(?:adress[ée]es?|destin[ée]es?|ADRESS[ÉE]ES?))?" S
            "+(?:au|aux|AU|AUX|[àÀaA]" S "+(?:la|LA)|[àÀaA]" S "+[lL]" AP "|[àÀ])"
            "|[ÀA]" S "+l" AP "intention" S "+(?:du|de" S "+la|de" S "+l" AP "|des)"
            "|(?:Au|AU|Aux|AUX)"
            "|(?:À|A)" S "+(?:la|La|LA)"
            "|(?:À|A)" S "+[lL]" AP "|À(?=" S "+\\p{Lu})"
            ")(?:(?<=" AP ")" S "*(?<rest>.+)|" S "+(?<rest>.*)|" S "*:" S "*$|" S "*$)",
        .not_header =
            "(?i:suite|lumi[èe]re|fin|cet" S "+[ée]gard|ce" S "+propos|l" AP "avenir|la" S "+fois"
            "|cours|vu|titre|termes|regard|moins|plus|m[êe]me|l" AP "heure|l" AP "issue|l" AP "exception"
            "|l" AP "[ée]gard|l" AP "occasion|l" AP "instar|partir|travers|savoir|ce" S "+jour|condition)\\b",
        .leadin =
            {
                "(?i:recommandations?)" S "+(?:(?i:principales)" S "+)?(?i:aux|au|[àa]" S "+la|[àa]" S "+l" AP
                "|[àa])" S "*" TO(120) S "+(?i:sont|est)(?:" S "+(?i:les|la)" S "+(?i:suivantes?))?" S "*:",
                "(?i:ont" S "+[ée]t[ée]|a" S "+[ée]t[ée]|sont)" S
                "+(?i:faites|adress[ée]es|formul[ée]es|pr[ée]sent[ée]es)" S "+(?i:aux|au|[àa]" S "+la|[àa]" S
                "+l" AP "|[àa])" S "*" TO(120) "(?=" S "*(?:[:.,;]|$)|" S "+(?i:et|lors|pendant|par)\\b)",
                "(?i:examin[ée]es)" S "+(?i:par)" S "+" TO(120) "(?=" S "*(?:[:,]|$)|" S "+(?i:et|qui)\\b)",
                "(?i:l" AP "adh[ée]sion|le" S "+soutien|l" AP "appui)" S "+(?i:de|du|de" S "+la|des)" S
                "+" TO(120) "(?=" S "*(?:[:,.;]|$)|" S "+(?i:et|qui)\\b)",
                "^" TO(80) S "+(?:devrait|devraient|doit|doivent)" S "*:" S "*$",
                "(?i:appelle|appelons|exhorte|exhortons|engage|engageons|invite|invitons|demande|demandons"
                "|prie" S "+instamment|recommande|recommandons)" S "+(?!(?i:que)\\b)"
                "(?:(?i:aux|au|[àa]" S "+la|[àa]" S "+l" AP "|le|la|les|l" AP ")" S "*)?" TO(120) S
                "+(?i:[àa]|de|d" AP ")" S "*:",
                "(?i:recommande|recommandons)" S "+(?i:que)" S "+" TO(120) S "*:" S "*$",
            },
        .recommends =
            "(?i:\\b(?:recommande|recommandons|prie" S "+instamment|exhorte|engage|invite|demande"
            "|encourage|r[ée]it[èe]re" S "+sa" S "+recommandation|devrait|devraient|doit|doivent)\\b)",
        .addressee =
            "(?i:recommande|prie" S "+instamment|exhorte|engage|invite|demande|encourage)" S "+"
            "(?:(?i:que)" S "+)?(?:(?i:aux|au|[àa]" S "+la|[àa]" S "+l" AP "|[àa]|le|la|les|l" AP ")" S "*)?"
            "(?<to>(?i:[ÉE]tat" S "+partie)|(?i:gouvernement|autorit[ée]s|[ÉE]tats)(?:" S "+(?:de|du|des)" S
            "+\\p{Lu}[\\p{L}\\-\\x{2019}\x27]*(?:" S "+(?:(?:de|du|des|la|le|et)" S
            "+)*\\p{Lu}[\\p{L}\\-\\x{2019}\x27]*)*)?|\\p{Lu}[\\p{L}\\-\\x{2019}\x27]*(?:" S
            "+(?:(?:de|du|des|la|le|et)" S "+)*\\p{Lu}[\\p{L}\\-\\x{2019}\x27]*)*"
            /* addressees named in lower case: "à la communauté internationale de ..." */
            "|(?i:communaut[ée]" S "+internationale|entreprises|soci[ée]t[ée]s" S "+transnationales"
            "|bailleurs" S "+de" S "+fonds|donateurs|partenaires(?:" S "+\\p{Ll}+)?|organisations"
            "(?:" S "+internationales|" S "+de" S "+la" S "+soci[ée]t[ée]" S "+civile)?|parlements?)\\b)",
        .addressees =
            "(?i:\\b(?:gouvernements?|minist[èe]res?|parlement|assembl[ée]e|pr[ée]sident|premier" S
            "+ministre"
            "|police|gendarmerie|arm[ée]e|forces|autorit[ée]s|donateurs|bailleurs|ambassades|agences|nations"
            "|conseil|commission|comit[ée]|tribunaux|justice|procureur|secr[ée]taire|[ée]tats|communaut[ée]"
            "|entreprises|partenaires|union|banque|institutions?|ong|soci[ée]t[ée]" S "+civile|groupes" S
            "+arm[ée]s)\\b)",
        .state_party = "(?i:l" AP ")?(?i:[ÉE]tat" S "+partie)",
        .title =
            "(?i:observations" S "+finales" S "+(?:concernant|sur))" S "+.*?(?i:rapports?)\\b.*?" S "(?i:de" S
            "+la|de" S "+l" AP "|du|des|de)" S "*(?<to>\\p{Lu}[^*\\[\\]]*?)" S "*(?:\\*|\\[|$)"
            "|(?i:observations" S "+finales" S "+du)" S "+[^:]{3,160}?:" S "*"
            "(?<to>\\p{Lu}[^*\\[\\]:]*?)" S "*(?:\\*|\\[|$)",
        .supported = "(?i:recueill\\p{L}*" S "+(?:l" AP "|son" S "+|leur" S "+)adh[ée]sion"
                     "|b[ée]n[ée]ficient" S "+(?:du|de" S "+son)" S "+(?:soutien|appui)|ont" S "+[ée]t[ée]" S
                     "+accept[ée]es"
                     "|sont" S "+accept[ée]es|re[çc]oivent" S "+(?:l" AP "|son" S "+)appui|ont" S "+(?:l" AP
                     "|son" S "+)appui)",
        .noted = "(?i:n" AP "ont" S "+pas" S "+recueilli|n" AP "a" S "+pas" S "+recueilli|ne" S
                 "+recueill\\p{L}*" S "+pas|pris" S "+note"
                 "|prend" S "+note|ont" S "+[ée]t[ée]" S "+not[ée]es|sont" S "+not[ée]es|rejet[ée]es"
                 "|n" AP "ont" S "+pas" S "+[ée]t[ée]" S "+accept[ée]es)",
        .pending = "(?i:seront" S "+examin[ée]es|examinera|fournira" S "+(?:ses|des)" S "+r[ée]ponses)",
        .date = "^" S "*(?<d>[0-9]{1,2})(?:er|ᵉʳ)?" S "+(?<m>\\p{L}+)\\.?" S "+(?<y>[0-9]{4})" S "*$",
        .months = {"janvier|janv", "f[ée]vrier|f[ée]vr", "mars", "avril|avr", "mai", "juin", "juillet|juil",
                   "ao[ûu]t", "septembre|sept", "octobre|oct", "novembre|nov", "d[ée]cembre|d[ée]c"},
        .articles = "le la les l' l’",
        .by_line = "(?i:recommand[ée]e?s?" S "+par)" S "*:",
        .should = SUBJECT S "+(?:devrait|devraient|doit|doivent)" S "+(?!(?i:avoir|[êe]tre" S "+not[ée])\\b)",
        .contents = "(?i:table" S "+des" S "+mati[èe]res|sommaire)",
        .stopwords = "le la les des du de et que pour dans sur au aux une est par qui doit devrait",
    },
    {
        .code = "es",
        .lower_heads = 1,
        .name = "Spanish",
        .header = "^" S "*(?<lead>"
                  "(?:Recomendaciones|RECOMENDACIONES)(?:" S "+(?:dirigidas|formuladas|DIRIGIDAS))?" S
                  "+(?:al|AL|a" S "+la|a" S "+los|a" S "+las|A" S "+LA|A" S "+LOS|A" S "+LAS|a|A"
                  "|para" S "+(?:el|la|los|las)|PARA" S "+(?:EL|LA|LOS|LAS))"
                  "|(?:Al|AL)"
                  "|(?:A|a)" S "+(?:la|las|los|La|Las|Los|LA|LAS|LOS)"
                  "|A(?=" S "+\\p{Lu})"
                  ")(?:" S "+(?<rest>.*)|" S "*:" S "*$|" S "*$)",
        .not_header = "(?i:luz|largo|vez|fecha|partir|pesar|fin|trav[ée]s|continuaci[óo]n|tal|este|esta"
                      "|respecto|mismo|igual|final|menudo|menos|medida|espera|excepci[óo]n|juicio|fondo)\\b",
        .leadin =
            {
                "(?i:recomendaciones)" S "+(?:(?i:principales)" S "+)?(?i:al|a" S "+la|a" S "+los|a" S
                "+las|a|para)" S "+" TO(120) S "+(?i:son)(?:" S "+(?i:las)" S "+(?i:siguientes))?" S
                                               "*:",
                "(?i:fueron|han" S "+sido|se" S "+han|son)" S
                "+(?i:formuladas|dirigidas|hechas|presentadas)" S "+(?i:al|a" S "+la|a" S "+los|a" S
                "+las|a)" S "+" TO(120) "(?=" S "*(?:[:.,;]|$)|" S "+(?i:y|durante|en|por)\\b)",
                "(?i:examinadas)" S "+(?i:por)" S "+" TO(120) "(?=" S "*(?:[:,]|$)|" S
                                                              "+(?i:y|que|quien)\\b)",
                "(?i:el" S "+apoyo)" S "+(?i:de|del)" S "+" TO(120) "(?=" S
                                                                    "*(?:[:,.;]|$)|" S "+(?i:y|que)\\b)",
                "^" TO(80) S "+(?:debe|deben|debería|deberían)" S "*:" S "*$",
                "(?i:insta|instamos|exhorta|exhortamos|pide|pedimos|recomienda|recomendamos|solicita|"
                "solicitamos"
                "|alienta|alentamos|invita|invitamos|llama|llamamos)" S "+(?!(?i:que)\\b)"
                "(?:(?i:al|a" S "+la|a" S "+los|a" S "+las|a)" S "+)?" TO(120) S "+(?i:a|que)" S "*:",
                "(?i:recomienda|recomendamos)" S "+(?i:que)" S "+" TO(120) S "*:" S "*$",
            },
        .recommends = "(?i:\\b(?:recomienda|recomendamos|insta|exhorta|alienta|invita|pide|solicita"
                      "|reitera" S "+su" S "+recomendaci[óo]n|debe|deben|debería|deberían)\\b)",
        .addressee = "(?i:recomienda|insta|exhorta|alienta|invita|pide|solicita)" S "+(?:(?i:que)" S "+)?"
                     "(?:(?i:al|a" S "+la|a" S "+los|a" S "+las|a|el|la|los|las)" S "+)?"
                     "(?<to>(?i:Estado" S "+parte)|(?i:gobierno|autoridades|Estados)(?:" S "+(?:de|del)" S
                     "+\\p{Lu}[\\p{L}\\-\\x{2019}\x27]*(?:" S "+(?:(?:de|del|la|el|y)" S
                     "+)*\\p{Lu}[\\p{L}\\-\\x{2019}\x27]*)*)?|\\p{Lu}[\\p{L}\\-\\x{2019}\x27]*(?:" S
                     "+(?:(?:de|del|la|el|y)" S "+)*\\p{Lu}[\\p{L}\\-\\x{2019}\x27]*)*"
                     /* addressees named in lower case: "a la comunidad internacional que ..." */
                     "|(?i:comunidad" S "+internacional|empresas(?:" S "+transnacionales)?|donantes"
                     "|asociados(?:" S "+\\p{Ll}+)?|organizaciones(?:" S "+internacionales|" S "+de" S "+la" S
                     "+sociedad" S "+civil)?|parlamentos?)\\b)",
        .addressees =
            "(?i:\\b(?:gobiernos?|ministerios?|parlamento|congreso|asamblea|presidente|polic[íi]a|ej[ée]rcito"
            "|fuerzas|autoridades|donantes|embajadas|agencias|naciones|consejo|comisi[óo]n|comit[ée]"
            "|tribunales|justicia|fiscal[íi]a|secretar[íi]a|estados|comunidad|empresas|socios|uni[óo]n"
            "|banco|instituciones?|ong|sociedad" S "+civil|grupos" S "+armados)\\b)",
        .state_party = "(?i:el" S "+|al" S "+)?(?i:Estado" S "+parte)",
        .title = "(?i:observaciones" S "+finales" S "+sobre)" S "+.*?(?i:informes?)\\b.*?" S "(?i:de)" S "+"
                 "(?:(?i:la|el|los|las)" S "+)?(?<to>\\p{Lu}[^*\\[\\]]*?)" S "*(?:\\*|\\[|$)"
                 "|(?i:observaciones" S "+finales" S "+del)" S "+[^:]{3,160}?:" S "*"
                 "(?<to>\\p{Lu}[^*\\[\\]:]*?)" S "*(?:\\*|\\[|$)",
        .supported = "(?i:(?:cuentan|contaron)" S "+con" S "+(?:el|su)" S "+apoyo|gozan" S "+(?:del|de" S
                     "+su)" S "+apoyo"
                     "|han" S "+sido" S "+aceptadas|fueron" S "+aceptadas|son" S "+aceptadas)",
        .noted = "(?i:no" S "+(?:cuentan|contaron|gozan|gozaron)|toma" S "+nota|tom[óo]" S "+nota|ha" S
                 "+tomado" S "+nota"
                 "|se" S "+tom[óo]" S "+nota|han" S "+sido" S "+rechazadas|no" S "+fueron" S "+aceptadas)",
        .pending = "(?i:ser[áa]n" S "+examinadas|examinar[áa]|responder[áa]|dar[áa]" S "+respuesta)",
        .date = "^" S "*(?<d>[0-9]{1,2})(?:" S "+de)?" S "+(?<m>\\p{L}+)(?:" S "+de(?:l)?)?" S
                "+(?<y>[0-9]{4})" S "*$",
        .months = {"enero|ene", "febrero|feb", "marzo|mar", "abril|abr", "mayo|may", "junio|jun", "julio|jul",
                   "agosto|ago", "septiembre|setiembre|sept|sep", "octubre|oct", "noviembre|nov",
                   "diciembre|dic"},
        .articles = "el la los las al del",
        .by_line = "(?i:recomendad[ao]s?" S "+por)" S "*:",
        .should = SUBJECT S "+(?:debe|deben|deber[íi]a|deber[íi]an)" S "+(?!(?i:haber)\\b)",
        .contents = "(?i:(?:tabla" S "+de" S "+)?contenidos?|[íi]ndice)",
        .stopwords = "el la los las del de que para en por con una se al debe su sus",
    },
    {
        .code = "pt",
        .lower_heads = 1,
        .name = "Portuguese",
        .header =
            "^" S "*(?<lead>"
            "(?:Recomenda[çc][õo]es|RECOMENDA[ÇC][ÕO]ES)(?:" S "+(?:dirigidas|endere[çc]adas|DIRIGIDAS))?" S
            "+(?:ao|aos|à|às|AO|AOS|À|ÀS|a|A|para" S "+(?:o|a|os|as)|PARA" S "+(?:O|A|OS|AS))"
            "|(?:Ao|AO|Aos|AOS|Às|ÀS)"
            "|À(?!" S "+(?:luz|medida|espera|exce[çc][ãa]o|semelhan[çc]a|parte)\\b)"
            "|(?:Para|PARA)" S "+(?:o|a|os|as|O|A|OS|AS)(?=" S "+\\p{Lu})"
            "|A(?=" S "+\\p{Lu})"
            ")(?:" S "+(?<rest>.*)|" S "*:" S "*$|" S "*$)",
        .not_header = "(?i:mesmo|longo|luz|fim|partir|respeito|seguir|n[íi]vel|par|lado|medida|semelhan[çc]a"
                      "|exce[çc][ãa]o|parte|espera|cada|todo|toda|este|esta|isso|tal)\\b",
        .leadin =
            {
                "(?i:recomenda[çc][õo]es)" S "+(?:(?i:principais)" S "+)?(?i:ao|aos|à|às|a|para" S "+o|para" S
                "+a)" S "+" TO(120) S "+(?i:s[ãa]o)(?:" S "+(?i:as)" S "+(?i:seguintes))?" S "*:",
                "(?i:foram|t[êe]m" S "+sido|s[ãa]o)" S "+(?i:feitas|dirigidas|formuladas|apresentadas)" S
                "+(?i:ao|aos|à|às|a)" S "+" TO(120) "(?=" S "*(?:[:.,;]|$)|" S "+(?i:e|durante|em|por)\\b)",
                "(?i:examinadas)" S "+(?i:pel[oa]s?|por)" S "+" TO(120) "(?=" S "*(?:[:,]|$)|" S
                                                                        "+(?i:e|que)\\b)",
                "(?i:o" S "+apoio)" S "+(?i:d[eoa]s?)" S "+" TO(120) "(?=" S "*(?:[:,.;]|$)|" S
                                                                     "+(?i:e|que)\\b)",
                "^" TO(80) S "+(?:deve|devem|deveria|deveriam)" S "*:" S "*$",
                "(?i:insta|instamos|exorta|exortamos|pede|pedimos|recomenda|recomendamos|solicita|solicitamos"
                "|incentiva|encoraja|convida|apela|apelamos)" S "+(?!(?i:que)\\b)"
                "(?:(?i:ao|aos|à|às|a|o|os|as)" S "+)?" TO(120) S "+(?i:a|que)" S "*:",
                "(?i:recomenda|recomendamos)" S "+(?i:que)" S "+" TO(120) S "*:" S "*$",
            },
        .recommends = "(?i:\\b(?:recomenda|recomendamos|insta|exorta|incentiva|encoraja|convida|solicita"
                      "|reitera" S "+sua" S "+recomenda[çc][ãa]o|deve|devem|deveria|deveriam)\\b)",
        .addressee =
            "(?i:recomenda|insta|exorta|incentiva|encoraja|convida|solicita)" S "+(?:(?i:que)" S "+)?"
            "(?:(?i:ao|aos|à|às|o|a|os|as)" S "+)?"
            "(?<to>(?i:Estado" S "+Parte)|(?i:governo|autoridades|Estados)(?:" S "+(?:de|do|da|dos|das)" S
            "+\\p{Lu}[\\p{L}\\-\\x{2019}\x27]*(?:" S "+(?:(?:de|do|da|dos|das|e)" S
            "+)*\\p{Lu}[\\p{L}\\-\\x{2019}\x27]*)*)?|\\p{Lu}[\\p{L}\\-\\x{2019}\x27]*(?:" S
            "+(?:(?:de|do|da|dos|das|e)" S "+)*\\p{Lu}[\\p{L}\\-\\x{2019}\x27]*)*"
            /* addressees named in lower case: "à comunidade internacional que ..." */
            "|(?i:comunidade" S "+internacional|empresas(?:" S "+transnacionais)?|doadores"
            "|parceiros(?:" S "+\\p{Ll}+)?|organiza[çc][õo]es(?:" S "+internacionais|" S "+da" S
            "+sociedade" S "+civil)?|parlamentos?)\\b)",
        .addressees =
            "(?i:\\b(?:governos?|minist[ée]rios?|parlamento|congresso|assembleia|presidente|pol[íi]cia|ex[ée]"
            "rcito"
            "|for[çc]as|autoridades|doadores|embaixadas|ag[êe]ncias|na[çc][õo]es|conselho|comiss[ãa]o|comit["
            "êe]"
            "|tribunais|justi[çc]a|minist[ée]rio" S "+p[úu]blico|secret[áa]rio|estados|comunidade|empresas"
            "|parceiros|uni[ãa]o|banco|institui[çc][õo]es|ongs?|sociedade" S "+civil)\\b)",
        .state_party = "(?i:o" S "+|ao" S "+)?(?i:Estado" S "+Parte)",
        .title = "(?i:observa[çc][õo]es" S "+finais" S "+sobre)" S "+.*?(?i:relat[óo]rios?)\\b.*?" S
                 "(?i:d[eoa]s?)" S "+(?<to>\\p{Lu}[^*\\[\\]]*?)" S "*(?:\\*|\\[|$)"
                 "|(?i:observa[çc][õo]es" S "+finais" S "+do)" S "+[^:]{3,160}?:" S "*"
                 "(?<to>\\p{Lu}[^*\\[\\]:]*?)" S "*(?:\\*|\\[|$)",
        .supported = "(?i:(?:contam|contaram)" S "+com" S "+o" S "+(?:seu" S "+)?apoio"
                     "|foram" S "+aceitas|s[ãa]o" S "+aceitas|t[êe]m" S "+o" S "+apoio)",
        .noted =
            "(?i:n[ãa]o" S "+(?:contam|contaram|t[êe]m|foram" S "+aceitas)|tomou" S "+nota|toma" S "+nota"
            "|foram" S "+rejeitadas|foram" S "+notadas)",
        .pending = "(?i:ser[ãa]o" S "+examinadas|examinar[áa]|responder[áa])",
        .date = "^" S "*(?<d>[0-9]{1,2})(?:º)?(?:" S "+de)?" S "+(?<m>\\p{L}+)(?:" S "+de)?" S
                "+(?<y>[0-9]{4})" S "*$",
        .months = {"janeiro|jan", "fevereiro|fev", "mar[çc]o|mar", "abril|abr", "maio|mai", "junho|jun",
                   "julho|jul", "agosto|ago", "setembro|set", "outubro|out", "novembro|nov", "dezembro|dez"},
        .articles = "o a os as",
        .by_line = "(?i:recomendad[ao]s?" S "+por)" S "*:",
        .should = SUBJECT S "+(?:deve|devem|deveria|deveriam)" S "+(?!(?i:ter)\\b)",
        .contents = "(?i:[íi]ndice|sum[áa]rio)",
        .stopwords = "os as do da dos das de que para em por com uma não ao deve seu sua pelo pela",
    },
    {
        .code = "ru",
        .lower_heads = 1,
        .name = "Russian",
        /* Russian names the addressee in the dative, with no introducing
         * word ("Правительству Камбоджи:"): lead is then empty */
        .header = "^" S "*(?:(?<lead>(?:Рекомендации|РЕКОМЕНДАЦИИ)(?:" S "+(?:для|в" S
                  "+адрес|ДЛЯ))?|(?:Для|ДЛЯ))" S "+"
                  "|(?<lead>))"
                  "(?=(?i:(?:\\p{L}+(?:ому|ему|ой|ей|ым|им)" S "+){0,2}"
                  "(?:правительству|правительствам|министерству|министерствам|парламенту|президенту|думе"
                  "|прокуратуре|органам|властям|донорам|сообществу|государствам|государству|организации"
                  "|организациям|совету|комиссии|комитету|управлению|службе|службам|полиции|суду|судам"
                  "|собранию|партн[её]рам|компаниям|странам|членам|агентствам|учреждениям|ведомствам"
                  "|посольствам|предприятиям|правительства|министерства|властей|органов|доноров|государств|"
                  "парламента)\\b))"
                  "(?<rest>.*)$",
        .not_header = "(?i:.*\\b(?:следует|необходимо|рекомендуется|предлагается|должно|должны|надлежит)\\b)",
        .leadin =
            {
                "^" TO(80) S "+(?:следует|надлежит|необходимо)" S "*:" S "*$",
                "(?i:рассмотрены|изучены)" S "+" TO(120) "(?=" S "*(?:[:,]|$)|" S
                                                         "+(?i:и|которая|который)\\b)",
                "(?i:поддержкой|поддержку|поддержки)" S "+" TO(120) "(?=" S "*(?:[:,.;]|$)|" S "+(?i:и)\\b)",
                "(?i:рекомендации)" S "+(?:(?i:для|в" S "+адрес)" S "+)?" TO(120) S "*:" S "*$",
                "(?i:призывает|призываем|рекомендует|рекомендуем|настоятельно" S
                "+призывает|просит|предлагает)" S "+" TO(120) S "*:" S "*$",
            },
        .recommends = "(?i:\\b(?:рекомендует|рекомендуем|призывает|призываем|настоятельно|просит|предлагает"
                      "|следует|должно|должны|надлежит)\\b)",
        .addressee =
            "(?i:рекомендует|призывает|настоятельно" S "+призывает|просит|предлагает)" S "+"
            "(?<to>(?i:государству-участнику)|(?i:правительству|властям|государствам)(?:" S "+\\p{L}+){0,2}"
            /* addressees named in lower case, in the dative */
            "|(?i:международному" S "+сообществу|(?:деловым" S "+|коммерческим" S "+)?предприятиям"
            "|компаниям|донорам|партн[её]рам|организациям(?:" S "+гражданского" S "+общества)?"
            "|парламенту))",
        .addressees =
            "(?i:(?:правительств|министерств|парламент|президент|дум|прокуратур|орган|власт|донор"
            "|сообществ|государств|организаци|совет|комисси|комитет|управлени|служб|полици|суд|собрани"
            "|партн[её]р|компани|предприяти|посольств|агентств|учреждени|ведомств)\\p{L}*)",
        .state_party = "(?i:государств\\p{L}*-участни\\p{L}*)",
        .title =
            "(?i:заключительные" S "+замечания" S "+(?:по|в" S "+отношении))" S "+.*?(?i:доклад\\p{L}*)\\b.*?"
            "(?<to>\\p{Lu}[^*\\[\\]]*?)" S "*(?:\\*|\\[|$)"
            "|(?i:заключительные" S "+замечания)" S "+[^:]{3,160}?:" S "*"
            "(?<to>\\p{Lu}[^*\\[\\]:]*?)" S "*(?:\\*|\\[|$)",
        .supported = "(?i:пользуются" S "+(?:(?:его|ее|её|их)" S "+)?поддержкой|получили" S
                     "+(?:(?:его|ее|её|их)" S "+)?поддержку"
                     "|были" S "+приняты)",
        .noted = "(?i:не" S "+(?:пользуются|получили|были" S "+приняты)|принял[аи]?" S "+к" S "+сведению"
                 "|принимает" S "+к" S "+сведению|отклонены)",
        .pending = "(?i:будут" S "+рассмотрены|рассмотрит|представит" S "+(?:свои" S "+)?ответы)",
        .date = "^" S "*(?<d>[0-9]{1,2})" S "+(?<m>\\p{L}+)" S "+(?<y>[0-9]{4})(?:" S "*(?:г\\.|года|год))?" S
                "*$",
        .months = {"января|январь|янв", "февраля|февраль|фев", "марта|март|мар", "апреля|апрель|апр",
                   "мая|май", "июня|июнь|июн", "июля|июль|июл", "августа|август|авг",
                   "сентября|сентябрь|сен|сент", "октября|октябрь|окт", "ноября|ноябрь|ноя",
                   "декабря|декабрь|дек"},
        .by_line = "(?i:рекомендовано)" S "*:",
        .should = SUBJECT S "+(?:следует|надлежит)" S "+",
        .contents = "(?i:содержание|оглавление)",
        .stopwords = "и в не на что с по для к о от это государство следует",
    },
    {
        .code = "ar",
        .lower_heads = 1,
        .name = "Arabic",
        .rtl = 1,
        .header = "^" S "*(?<lead>"
                  "(?:توصيات|التوصيات)(?:" S "+(?:موجهة|الموجهة|مقدمة|المقدمة))?" S "+(?:إلى|الى)"
                  "|(?:إلى|الى)"
                  ")(?:" S "+(?<rest>.*)|" S "*:" S "*$|" S "*$)",
        .not_header = "(?:جانب|حد|أن|ان|ذلك|متى|أي|اي|الآن|الان|هذا|هذه|درجة|غاية)(?:" S "|$)",
        .leadin =
            {
                "^(?:ينبغي|يجب)" S "+(?:ل(?!ل)|(?=لل)|على" S "+)" TO(80) S "*(?:" S "+(?:ما" S "+يلي|أن))?" S
                                                                           "*:" S "*$",
                "(?:توصيات|التوصيات)" S "+(?:(?:الرئيسية|موجهة|الموجهة)" S "+)?(?:إلى|الى)" S "+" TO(120) S
                "*(?:هي" S "*)?:",
                "(?:ستنظر|نظرت|تنظر)" S "+(?:فيها" S "+)?" TO(120) "(?=" S "*(?:[:,،]|$)|" S "+(?:في|و)\\b)",
                "(?:بتأييد|بدعم|بتأييد)" S "+" TO(120) "(?=" S "*(?:[:,،.]|$)|" S "+(?:و)\\b)",
                "(?:تدعو|ندعو|تحث|نحث|توصي|نوصي|تطلب|نطلب|تشجع)" S "+" TO(120) S "+(?:إلى|على|ب)" S "*(?:ما" S
                                                                                 "+يلي)?" S "*:",
            },
        /* the Committee's verbs are feminine, a Special Rapporteur's or
         * a Working Group's masculine */
        .recommends = "(?:توصي|نوصي|يوصي|تحث|يحث|تدعو|تشجع|يشجع|تطلب|يطلب|ينبغي|يجب|تكرر" S "+توصيتها)",
        /* "حكومة فريدونيا" takes the State after it; "الحكومة" stands
         * alone, or with an adjective ("الدول الأعضاء") */
        .addressee =
            "(?:توصي|يوصي|تحث|يحث|تدعو|تشجع|يشجع|تطلب|يطلب)" S "+(?:(?:اللجنة|المقرر" S "+الخاص|المقررة" S
            "+الخاصة|الفريق" S "+العامل|الخبير" S "+المستقل|الخبيرة" S "+المستقلة)" S "+)?"
            "(?<to>(?:ال)?دولة" S "+الطرف|(?:حكومة|دول|سلطات)" S "+\\p{L}+"
            "|(?:الحكومة|الدول|السلطات|الشركات|المنظمات)(?:" S "+ال\\p{L}+)?|المجتمع" S "+الدولي|الجهات" S
            "+المانحة|المانحين)",
        .addressees =
            "(?:حكومة|الحكومة|وزارة|الوزارة|البرلمان|مجلس|الرئيس|الشرطة|الجيش|قوات|السلطات|المانحين|الجهات" S
            "+المانحة"
            "|سفارات|وكالات|الأمم" S "+المتحدة|لجنة|اللجنة|المحاكم|القضاء|النيابة|الدول|المجتمع" S
            "+الدولي|الشركات|الشركاء"
            "|الاتحاد|البنك|المؤسسات|المنظمات)",
        .state_party = "(?:ال|لل)?(?:دولة" S "+الطرف)",
        .title = "(?:الملاحظات" S "+الختامية" S "+(?:بشأن|على))" S "+.*?(?:التقرير|التقارير)\\b.*?" S
                 "+(?:ل|عن" S "+)"
                 "(?<to>[^*\\[\\]]+?)" S "*(?:\\*|\\[|$)",
        .supported = "(?:(?:تحظى|حظيت)(?:" S "+\\p{L}+){0,4}?" S "+(?:بتأييد|بدعم)|قبلت|تم" S "+قبولها)",
        .noted =
            "(?:لم" S "+تحظ|لا" S "+تحظى|أحاطت" S "+علماً|أحاطت" S "+علما|تحيط" S "+علماً|تحيط" S "+علما|رفضت)",
        .pending = "(?:ستنظر|سوف" S "+تنظر|ستقدم" S "+ردودها|سترد)",
        .date = "^" S "*(?<d>[0-9\\x{660}-\\x{669}]{1,2})" S "+(?<m>\\p{L}+(?:" S "+\\p{L}+)?)" S
                "+(?<y>[0-9\\x{660}-\\x{669}]{4})"
                "(?:" S "*م)?" S "*$",
        .months = {"يناير|كانون" S "+الثاني", "فبراير|شباط", "مارس|آذار", "أبريل|ابريل|نيسان",
                   "مايو|أيار|ايار", "يونيو|يونيه|حزيران", "يوليو|يوليه|تموز", "أغسطس|اغسطس|آب",
                   "سبتمبر|أيلول|ايلول", "أكتوبر|اكتوبر|تشرين" S "+الأول|تشرين" S "+الاول",
                   "نوفمبر|تشرين" S "+الثاني", "ديسمبر|كانون" S "+الأول|كانون" S "+الاول"},
        .by_line = "أوصت" S "+بها" S "*:",
        .contractions = "لل=ال",
        .should = "(?:ينبغي|يجب)" S "+(?:ل(?!ل)|(?=لل)|على" S "+)(?<to>[^:،.]{1,80}?)" S "+أن" S "+",
        .contents = "(?:قائمة" S "+)?(?:المحتويات|المحتوى)",
        .stopwords = "في من على إلى أن التي الذي عن مع",
    },
    {
        .code = "zh",
        .lower_heads = 1,
        .name = "Chinese",
        .header = "^" S "*(?<lead>致)" S "*(?<rest>[^\\x{3002}]{1,60})$",
        .leadin =
            {
                "^" TO(40) "(?:应|应当|应该)" S "*[:\\x{ff1a}]" S "*$",
                "(?:向|对)" TO(60) "(?:提出的)?(?:建议|主要建议)(?:如下|是)?" S "*[:\\x{ff1a}]",
                "(?:得到|获得)" TO(60) "(?:的)?支持",
                "(?:将由)" TO(60) "(?:审议|研究)",
                "(?:敦促|促请|吁请|建议|呼吁|请)" TO(60) "(?:[:\\x{ff1a}])" S "*$",
            },
        .recommends = "(?:建议|敦促|促请|吁请|鼓励|呼吁|请缔约国|缔约国应|应当)",
        .addressee = "(?:建议|敦促|促请|吁请|鼓励|呼吁)(?<to>缔约国|各国|国际社会|政府|工商企业|企业|公司|"
                     "捐助方|捐助者|\\p{Han}{1,12}?(?:"
                     "政府|部|委员会|理事会|议会))",
        .addressees = "(?:政府|部|议会|国会|总统|警察|军队|当局|捐助者|捐助方|使馆|机构|联合国|理事会|委员会|"
                      "法院|司法|检察|国家|国际社会|公司|企业|伙伴|联盟|银行|组织)",
        .state_party = "缔约国",
        .title = "关于(?<to>[^*\\[\\]]+?)(?:第|初次|合并|定期).*?报告的结论性意见",
        .supported = "(?:得到.{0,20}支持|获得.{0,20}支持|已接受|接受了)",
        .noted = "(?:未得到.{0,20}支持|没有得到.{0,20}支持|注意到|拒绝)",
        .pending = "(?:将.{0,20}审议|将予以审议|将作出答复|将.{0,10}答复)",
        .date = "^" S "*(?<y>[0-9\\x{ff10}-\\x{ff19}]{4})" S "*年" S "*(?<mo>[0-9\\x{ff10}-\\x{ff19}]{1,2})" S
                "*月" S "*(?<d>[0-9\\x{ff10}-\\x{ff19}]{1,2})" S "*日" S "*$",
        .by_line = "提出国" S "*[：:]",
        .should = "(?<to>[^，。：；:,]{1,30}?)(?:应当|应该|应)(?![：:])",
        .contents = "目录|目錄|內容目錄",
        .stopwords = "的 和 在 是 应 缔约国",
    },
};

const size_t rec_nlangs = sizeof rec_langs / sizeof *rec_langs;

int rec_lang_find(const char *tag)
{
    if (!tag)
        return -1;
    size_t n = strcspn(tag, "-_");
    for (size_t i = 0; i < rec_nlangs; i++)
        if (strlen(rec_langs[i].code) == n && strncasecmp(rec_langs[i].code, tag, n) == 0)
            return (int)i;
    return -1;
}

/* The stop words of every row, hashed by length and first two bytes,
 * built once: detection looks each word up instead of walking the lists. */
#define STOP_BUCKETS 256
#define STOP_MAX 256
typedef struct {
    const char *word;
    unsigned char len, lang;
    short next; /* -1 ends the bucket */
} stop_word;
static stop_word stops[STOP_MAX];
static short stop_bucket[STOP_BUCKETS];
static pthread_once_t stops_once = PTHREAD_ONCE_INIT;

static unsigned stop_hash(const char *w, size_t k)
{
    return ((unsigned)k * 31u + (unsigned char)w[0] * 7u + (k > 1 ? (unsigned char)w[1] : 0u)) % STOP_BUCKETS;
}

static void build_stops(void)
{
    size_t n = 0;
    for (size_t b = 0; b < STOP_BUCKETS; b++)
        stop_bucket[b] = -1;
    for (size_t l = 0; l < rec_nlangs; l++)
        for (const char *p = rec_langs[l].stopwords; p && *p && n < STOP_MAX;) {
            size_t k = strcspn(p, " ");
            unsigned h = stop_hash(p, k);
            stops[n] = (stop_word){p, (unsigned char)k, (unsigned char)l, stop_bucket[h]};
            stop_bucket[h] = (short)n++;
            p += k;
            p += strspn(p, " ");
        }
}

/* Score of each Latin-script language: how many of its stop words the
 * text's words are. Words are ASCII-lowered runs of letters. */
static void count_words(const char *s, size_t n, unsigned long *score)
{
    pthread_once(&stops_once, build_stops);
    char word[32];
    size_t k = 0;
    for (size_t i = 0; i <= n; i++) {
        unsigned char c = i < n ? (unsigned char)s[i] : ' ';
        if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            if (k < sizeof word - 1)
                word[k++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
            continue;
        }
        if (c == '\'' && k > 0 && k < 3) { /* l', d', qu' */
            k = 0;
            continue;
        }
        if (k == 0 || k > 8) { /* no stop word is that long */
            k = 0;
            continue;
        }
        for (short e = stop_bucket[stop_hash(word, k)]; e >= 0; e = stops[e].next)
            if (stops[e].len == k && memcmp(stops[e].word, word, k) == 0)
                score[stops[e].lang]++;
        k = 0;
    }
}

int rec_lang_detect(const char *s, size_t n)
{
    if (n > 65536) {
        n = 65536;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--; /* not in the middle of a character */
    }
    unsigned long latin = 0, arabic = 0, cjk = 0, cyrillic = 0;
    for (size_t i = 0; i < n;) {
        size_t len = rec_utf8_valid(s + i, n - i);
        if (len == 0) {
            i++;
            continue;
        }
        uint32_t c = rec_utf8_decode(s + i, len);
        i += len;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c < 0x250))
            latin++;
        else if (c >= 0x600 && c < 0x700)
            arabic++;
        else if (c >= 0x400 && c < 0x530)
            cyrillic++;
        else if ((c >= 0x4E00 && c < 0xA000) || (c >= 0x3400 && c < 0x4DC0))
            cjk += 2; /* a character carries a word's weight */
    }
    const char *script = NULL;
    unsigned long best = latin;
    if (arabic > best)
        best = arabic, script = "ar";
    if (cyrillic > best)
        best = cyrillic, script = "ru";
    if (cjk > best)
        script = "zh";
    if (script)
        return rec_lang_find(script);

    unsigned long score[16] = {0};
    count_words(s, n < 16384 ? n : 16384, score); /* a few pages say it */
    int en = rec_lang_find("en"), pick = en;
    for (size_t l = 0; l < rec_nlangs && l < 16; l++)
        if (score[l] > score[pick])
            pick = (int)l;
    /* a few words are no evidence: English unless another language has
     * clearly more of its own */
    if (pick != en && (score[pick] < 3 || 2 * score[pick] < 3 * score[en]))
        pick = en;
    return pick;
}
