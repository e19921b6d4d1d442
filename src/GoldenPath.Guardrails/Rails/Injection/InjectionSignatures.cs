using System.Text.RegularExpressions;
using static GoldenPath.Guardrails.InjectionCategories;

namespace GoldenPath.Guardrails;

/// <summary>
/// The signature set. Patterns run on the folded view (and its decoded variants), where spaced letters may
/// have been joined, so words are separated by <c>\W*</c> rather than <c>\s+</c>. Short "filler" groups
/// accept paraphrases ("ignore all of the previous instructions") without matching across sentences.
/// Weights at or above the default threshold (0.7) block on their own; weaker cues only add up.
/// Each signature lists anchors: lower-case substrings that every match contains.
/// </summary>
internal static partial class InjectionSignatures
{
    // Every view the rail matches on is lower case, so patterns are too: exact literals let the generated
    // matchers use vectorized searches that case-insensitive alternations cannot.
    private const RegexOptions Options = RegexOptions.CultureInvariant;
    private const string Filler2 = @"(?:\w+\W+){0,2}?";
    private const string Filler3 = @"(?:\w+\W+){0,3}?";
    private const string Filler5 = @"(?:\w+\W+){0,5}?";

    private const string OverrideVerb =
        @"\b(?:ignore|ignoring|disregard|forget|override|overwrite|bypass|abandon|neglect|discard|set\W*aside|throw\W*out|(?:do\W*not|don'?t|stop)\W*(?:follow|obey)(?:ing)?)";

    private const string RuleNoun =
        @"(?:instructions?|rules|guidelines|directions|directives|prompts?|commands|guardrails|constraints|restrictions|programming|polic(?:y|ies)|safeguards|safety\W*(?:rules|guidelines|filters|measures))\b";

    private static readonly string[] RuleNounAnchors =
        ["instruction", "rule", "guideline", "direction", "directive", "prompt", "command", "guardrail", "constraint", "restriction", "programming", "polic", "safeguard", "safety"];

    public static IReadOnlyList<InjectionSignature> All { get; } =
    [
        new("override-qualified", InstructionOverride, 0.9, OverrideQualified(), RuleNounAnchors),
        new("override-trailing", InstructionOverride, 0.9, OverrideTrailing(), RuleNounAnchors),
        new("new-instructions", InstructionOverride, 0.6, NewInstructions(), ["instruction", "rule", "directive", "prompt", "order"]),
        new("from-now-on", InstructionOverride, 0.4, FromNowOn(), ["now"]),
        new("override-french", InstructionOverride, 0.9, OverrideFrench(), ["instruction", "consigne", "regle", "directive"]),
        new("override-spanish", InstructionOverride, 0.9, OverrideSpanish(), ["instruccion", "regla", "directrice", "norma", "indicacion"]),
        new("override-german", InstructionOverride, 0.9, OverrideGerman(), ["anweisung", "instruktion", "regel", "richtlinie", "vorgabe", "befehl"]),
        new("override-italian", InstructionOverride, 0.9, OverrideItalian(), ["istruzion", "regol", "direttiv"]),
        new("override-portuguese", InstructionOverride, 0.9, OverridePortuguese(), ["instruc", "regra", "diretriz", "orientac"]),

        new("reveal-your-prompt", SystemPromptExtraction, 0.85, RevealYourPrompt(), ["prompt", "instruction", "system", "developer"]),
        new("reveal-the-prompt", SystemPromptExtraction, 0.6, RevealThePrompt(), ["prompt", "instruction", "system"]),
        new("repeat-above", SystemPromptExtraction, 0.65, RepeatAbove(), ["above", "before", "prior", "verbatim", "word"]),
        new("starting-with-you-are", SystemPromptExtraction, 0.45, StartingWithYouAre(), ["start", "begin"]),
        new("ask-instructions", SystemPromptExtraction, 0.55, AskInstructions(), ["prompt", "instruction", "rules", "told"]),
        new("system-prompt-mention", SystemPromptExtraction, 0.3, SystemPromptMention(), ["prompt", "instruction"]),
        new("reveal-prompt-multilingual", SystemPromptExtraction, 0.85, RevealPromptMultilingual(), ["prompt", "instruc", "istruzion", "anweisung"]),

        new("dan", Jailbreak, 0.9, DoAnythingNow(), ["dan", "anything"]),
        new("unrestricted-persona", Jailbreak, 0.85, UnrestrictedPersona(), ["unrestricted", "unfiltered", "uncensored", "jailbr", "liberated", "evil", "unchained", "unbound", "amoral", "free", "longer"]),
        new("pretend-no-rules", Jailbreak, 0.85, PretendNoRules(), ["restriction", "rule", "filter", "limit", "guideline", "censor", "moral", "ethic", "polic", "boundar", "safeguard", "guardrail"]),
        new("jailbreak-mode", Jailbreak, 0.85, JailbreakMode(), ["mode"]),
        new("developer-mode", Jailbreak, 0.4, DeveloperMode(), ["mode"]),
        new("you-are-now", Jailbreak, 0.4, YouAreNow(), ["now"]),
        new("no-restrictions", Jailbreak, 0.3, NoRestrictions(), ["restriction", "filter", "censor", "polic", "guideline", "constraint"]),
        new("jailbreak-word", Jailbreak, 0.3, JailbreakWord(), ["jailbr"]),

        new("i-am-your-developer", FalseAuthority, 0.55, IAmYourDeveloper(), ["developer", "creator", "admin", "owner", "maker", "programmer", "operator", "supervisor"]),
        new("as-admin-i-authorize", FalseAuthority, 0.85, AsAdminIAuthorize(), ["admin", "developer", "owner", "operator", "creator", "root", "superuser"]),
        new("authorize-you", FalseAuthority, 0.6, AuthorizeYou(), ["authori", "permit", "allow", "grant"]),
        new("override-code", FalseAuthority, 0.6, OverrideCode(), ["override", "granted", "authori", "clearance"]),
        new("official-message", FalseAuthority, 0.7, OfficialMessage(), ["official", "authori", "priority", "urgent"]),

        new("chat-template-token", TemplateInjection, 0.85, ChatTemplateToken(), ["<|", "[inst", "[/inst", "<<sys", "<</sys", "_of_turn", "##"]),
        new("fake-role-line", TemplateInjection, 0.5, FakeRoleLine(), ["system", "assistant", "developer"]) { NeedsLayout = true },

        new("image-url-placeholder", DataExfiltration, 0.85, ImageUrlPlaceholder(), ["!["]),
        new("data-into-url", DataExfiltration, 0.75, DataIntoUrl(), ["url", "link", "image", "img", "query", "param", "endpoint", "webhook", "markdown"]),
        new("render-image-url", DataExfiltration, 0.4, RenderImageUrl(), ["image", "img", "picture", "pixel"]),
        new("send-to-site", DataExfiltration, 0.4, SendToSite(), ["http", "www"]),

        new("act-as-other-user", Impersonation, 0.85, ActAsOtherUser(), ["user", "customer", "account"]),
        new("act-as-named-user", Impersonation, 0.8, ActAsNamedUser(), ["user", "account", "customer", "tenant", "employee"]),
        new("impersonate", Impersonation, 0.6, Impersonate(), ["impersonat"]),
        new("other-users-data", Impersonation, 0.7, OtherUsersData(), ["user", "else"]),
        new("on-behalf-of-other", Impersonation, 0.6, OnBehalfOfOther(), ["behalf"]),
        new("log-in-as-someone", Impersonation, 0.75, LogInAsSomeone(), ["log", "sign", "account", "credential", "mailbox", "session", "login"]),
        new("someone-elses-mailbox", Impersonation, 0.55, SomeoneElsesMailbox(), ["mail", "inbox", "message", "file", "document", "salary", "payslip", "record", "calendar"]),

        new("grant-me-privileges", ToolAbuse, 0.75, GrantMePrivileges(), ["admin", "owner", "root", "superuser", "access", "permission", "privilege", "elevated"]),
        new("disable-security-control", ToolAbuse, 0.55, DisableSecurityControl(), ["mfa", "2fa", "factor", "audit", "logging", "monitoring", "alert", "firewall", "antivirus", "security", "verification"]),
        new("bulk-destructive-action", ToolAbuse, 0.5, BulkDestructiveAction(), ["user", "account", "record", "file", "order", "customer", "database", "table", "backup", "log", "password"]),
        new("skip-approval", ToolAbuse, 0.45, SkipApproval(), ["approv", "confirm", "ticket", "sign", "review", "verif", "asking", "telling", "permission"]),

        new("authority-source", FalseAuthority, 0.5, AuthoritySource(), ["from"]),
        new("no-longer-an-ai", Jailbreak, 0.6, NoLongerAnAi(), ["ai", "assistant", "model", "chatbot", "bot"]),
        new("if-you-had-no-rules", Jailbreak, 0.6, IfYouHadNoRules(), ["guideline", "rule", "restriction", "filter", "limit"]),
    ];

    [GeneratedRegex(OverrideVerb + @"\W*" + Filler3 + @"(?:previous|prior|above|earlier|preceding|former|all|any|every|your|ur|system|original|initial|existing|developer|those|these)\W*" + Filler2 + RuleNoun, Options)]
    private static partial Regex OverrideQualified();

    [GeneratedRegex(OverrideVerb + @"\W*(?:the\W*)?" + RuleNoun + @"\W*(?:above|before|so\W*far|you\W*(?:were|have\W*been)\W*given)", Options)]
    private static partial Regex OverrideTrailing();

    [GeneratedRegex(@"\b(?:new|updated|revised|real|actual|true|secret|hidden|additional|override)\W*(?:system\W*)?(?:instructions?|rules|directives?|prompt|orders)\W*:", Options)]
    private static partial Regex NewInstructions();

    [GeneratedRegex(@"\bfrom\W*now\W*on\b\W*" + Filler2 + @"(?:you|your|act|respond|answer|ignore|always|never|only)\b", Options)]
    private static partial Regex FromNowOn();

    [GeneratedRegex(@"\b(?:ignore[rz]?|oublie[rz]?|neglige[rz]?|contourne[rz]?)\W*(?:toutes\W*|tous\W*)?(?:(?:tes|vos)\W*(?:\w+\W+){0,1}?(?:instructions|consignes|regles|directives)|(?:les|des)\W*(?:instructions|consignes|regles|directives)\W*(?:precedentes|anterieures|ci\W*dessus|initiales|du\W*systeme|d'origine))", Options)]
    private static partial Regex OverrideFrench();

    [GeneratedRegex(@"\b(?:ignora|ignore|ignorar|ignoren|olvida|olvide|olvidar|omite|omitir|descarta)\W*(?:todas\W*|todos\W*)?(?:(?:tus|sus)\W*(?:\w+\W+){0,1}?(?:instrucciones|reglas|directrices|normas)|(?:las|los)\W*(?:instrucciones|reglas|directrices|normas|indicaciones)\W*(?:anteriores|previas|iniciales|del\W*sistema|de\W*arriba|originales))", Options)]
    private static partial Regex OverrideSpanish();

    [GeneratedRegex(@"\b(?:ignoriere|ignorier|ignorieren\W*sie|vergiss|vergessen\W*sie|missachte|missachten\W*sie|uberspringe)\W*(?:einfach\W*|bitte\W*)?(?:alle\W*)?(?:(?:deine|ihre|eure)\W*(?:\w+\W+){0,1}?|(?:die\W*|den\W*)?(?:vorherigen|vorigen|bisherigen|obigen|fruheren|ursprunglichen|vorangegangenen)\W*)(?:anweisungen|instruktionen|regeln|richtlinien|vorgaben|befehle)", Options)]
    private static partial Regex OverrideGerman();

    [GeneratedRegex(@"\b(?:ignora|ignorate|ignorare|dimentica|dimenticate|dimenticare|tralascia|trascura)\W*(?:tutte\W*)?(?:(?:le\W*)?(?:tue|sue|vostre)\W*(?:istruzioni|regole|direttive)|le\W*(?:istruzioni|regole|direttive)\W*(?:precedenti|iniziali|di\W*sistema|originali|sopra))", Options)]
    private static partial Regex OverrideItalian();

    [GeneratedRegex(@"\b(?:ignore|ignora|ignorar|ignorem|esqueca|esquece|esquecer|desconsidere|descarte)\W*(?:todas\W*)?(?:(?:as\W*)?(?:suas|tuas)\W*(?:instrucoes|regras|diretrizes)|as\W*(?:instrucoes|regras|diretrizes|orientacoes)\W*(?:anteriores|previas|iniciais|do\W*sistema|originais|acima))", Options)]
    private static partial Regex OverridePortuguese();

    // "me"/"us" are left to the filler: an optional group right before a lazy loop made the generated matcher
    // spin on "tell me what your developer told you".
    [GeneratedRegex(@"\b(?:reveal|print|repeat|show|display|output|tell|give|write|dump|leak|share|disclose|recite|spell\W*out|paste|copy|list|expose|return|send)\W*" + Filler3 + @"(?:your|ur|its)\W*" + Filler2 + @"(?:system\W*(?:prompt|message|instructions?)|(?:initial|original|hidden|secret|full|complete|exact|real)\W*(?:prompt|instructions?)|pre\W*prompt|developer\W*(?:prompt|message|instructions?)|prompt\W*(?:above|verbatim)|instructions\W*(?:above|verbatim|word\W*for\W*word))", Options)]
    private static partial Regex RevealYourPrompt();

    [GeneratedRegex(@"\b(?:reveal|print|repeat|show|display|output|dump|leak|disclose|recite|expose)\W*(?:me\W*|us\W*)?the\W*(?:full\W*|entire\W*|complete\W*|exact\W*|hidden\W*|secret\W*)?(?:system\W*(?:prompt|message)|(?:initial|original|hidden)\W*(?:prompt|instructions))", Options)]
    private static partial Regex RevealThePrompt();

    [GeneratedRegex(@"\b(?:repeat|print|output|show|display|copy|write\W*out|echo|recite|return)\W*(?:back\W*)?" + Filler2 + @"(?:everything|all|the\W*(?:text|words|content|messages?|lines?))\W*" + Filler2 + @"(?:above|before\W*this|prior\W*to\W*this|verbatim|word\W*for\W*word)", Options)]
    private static partial Regex RepeatAbove();

    [GeneratedRegex(@"\b(?:start(?:ing)?|begin(?:ning)?)\W*with\W*(?:the\W*words?\W*)?\W*you\W*are\b", Options)]
    private static partial Regex StartingWithYouAre();

    [GeneratedRegex(@"\b(?:what\W*(?:is|are|was|were)\W*your\W*(?:system\W*prompt|(?:initial|original|exact|hidden|secret)?\W*instructions|rules\W*(?:exactly|verbatim))|what\W*(?:were|have)\W*you\W*(?:been\W*)?told\W*(?:before|initially|at\W*the\W*(?:start|beginning)|to\W*(?:do|say)))", Options)]
    private static partial Regex AskInstructions();

    [GeneratedRegex(@"\b(?:system\W*prompt|initial\W*instructions|hidden\W*instructions)\b", Options)]
    private static partial Regex SystemPromptMention();

    [GeneratedRegex(@"\b(?:muestra|muestrame|revela|imprime|repite|montre|montrez|revele|revelez|affiche|zeige|verrate|wiederhole|mostra|mostrami|rivela|ripeti|mostre|repita)\W*" + Filler2 + @"(?:prompt\W*(?:del|du|de|di|do)\W*(?:sistema|systeme)|system\W*prompt|systemprompt|instrucciones\W*(?:iniciales|originales)|instructions\W*(?:initiales|d'origine)|anfangsanweisungen|istruzioni\W*(?:iniziali|originali)|instrucoes\W*(?:iniciais|originais))", Options)]
    private static partial Regex RevealPromptMultilingual();

    [GeneratedRegex(@"\b(?:do\W*anything\W*now|dan\W*mode|(?:you\W*are|you're|act\W*as|become|pretend\W*to\W*be|play|i\W*want\W*you\W*to\W*be)\W*(?:now\W*)?(?:an?\W*|the\W*)?dan\b)", Options)]
    private static partial Regex DoAnythingNow();

    [GeneratedRegex(@"\byou(?:\W*are|'re|\W*will\W*be|\W*have\W*become)\W*(?:now\W*)?(?:an?\W*)?(?:unrestricted|unfiltered|uncensored|jailbroken|liberated|evil|unchained|unbound|amoral|free\W*(?:from|of)\W*(?:all\W*|any\W*)?(?:rules|restrictions|limits|guidelines)|no\W*longer\W*(?:bound|restricted|limited|an?\W*(?:ai|assistant|language\W*model)|chatgpt))", Options)]
    private static partial Regex UnrestrictedPersona();

    [GeneratedRegex(@"\b(?:pretend|imagine|act\W*as\W*if|behave\W*as\W*if|roleplay|role\W*play|suppose|simulate|play\W*a\W*(?:character|role))\W*(?:\w+\W+){0,5}?(?:no|without|free\W*(?:of|from)|not\W*bound\W*by|unbound\W*by|zero|lifted|removed|ignores?)\W*" + Filler2 + @"(?:restrictions?|rules|filters?|limits|limitations|guidelines|censorship|morals|ethics|polic(?:y|ies)|boundaries|safeguards|guardrails)", Options)]
    private static partial Regex PretendNoRules();

    [GeneratedRegex(@"\b(?:(?:you\W*are|you're|you\W*will\W*(?:now\W*)?(?:be|act|operate)|now)\W*(?:in|into|running\W*in|operating\W*in)\W*(?:\w+\W+){0,1}?(?:developer|dev|god|debug|sudo|unrestricted|jailbreak|jailbroken|unfiltered|dan)\W*mode|(?:enable|activate|enter|switch\W*to|turn\W*on)\W*(?:\w+\W+){0,1}?(?:god|sudo|unrestricted|jailbreak|jailbroken|unfiltered|dan|evil|opposite)\W*mode)\b", Options)]
    private static partial Regex JailbreakMode();

    [GeneratedRegex(@"\b(?:developer|dev|debug|maintenance|admin)\W*mode\b", Options)]
    private static partial Regex DeveloperMode();

    [GeneratedRegex(@"\byou(?:\W*are|'re)\W*now\b", Options)]
    private static partial Regex YouAreNow();

    [GeneratedRegex(@"\b(?:no|without|zero)\W*(?:any\W*)?(?:restrictions|filters|censorship|content\W*polic(?:y|ies)|ethical\W*guidelines|safety\W*guidelines|moral\W*constraints)\b", Options)]
    private static partial Regex NoRestrictions();

    [GeneratedRegex(@"\bjailbr(?:eak|oken|eaking)\b", Options)]
    private static partial Regex JailbreakWord();

    [GeneratedRegex(@"\b(?:i\W*am|i'm|this\W*is)\W*(?:\w+\W+){0,1}?(?:your|ur)\W*(?:\w+\W+){0,1}?(?:developer|creator|administrator|admin|sysadmin|owner|maker|programmer|operator|supervisor)s?\b", Options)]
    private static partial Regex IAmYourDeveloper();

    [GeneratedRegex(@"\bas\W*(?:the|your|an?)\W*(?:\w+\W+){0,1}?(?:administrator|admin|developer|owner|operator|creator|root|sysadmin|superuser)\b\W*" + Filler3 + @"(?:i\W*)?(?:hereby\W*)?(?:authori[sz]e|order|command|grant|permit|allow|instruct|override|unlock|approve)", Options)]
    private static partial Regex AsAdminIAuthorize();

    [GeneratedRegex(@"\b(?:i\W*)?(?:hereby\W*)?(?:authori[sz]e|permit|allow|grant)\W*you\W*" + Filler2 + @"(?:to\W*)?(?:ignore|bypass|disable|override|break|skip|reveal|unrestricted|full\W*access|elevated)", Options)]
    private static partial Regex AuthorizeYou();

    [GeneratedRegex(@"\b(?:admin|administrator|developer|root|sudo|security)\W*(?:override|access\W*granted|authori[sz]ation\W*code|clearance\W*granted)\b", Options)]
    private static partial Regex OverrideCode();

    [GeneratedRegex(@"\bthis\W*is\W*(?:an?\W*)?(?:official|authori[sz]ed|priority|urgent)\W*(?:message|instruction|notice|directive|update)\W*from\W*(?:openai|anthropic|microsoft|google|the\W*(?:system|developers?|admin(?:istrator)?s?|security\W*team))", Options)]
    private static partial Regex OfficialMessage();

    [GeneratedRegex(@"(?:<\|(?:im_start|im_end|system|user|assistant|endoftext|begin_of_text|start_header_id|end_header_id|eot_id)\|>|\[/?inst\]|<</?sys>>|<(?:start|end)_of_turn>|#{2,}\s*(?:system|instruction|instructions|new\s*instructions)\b)", Options)]
    private static partial Regex ChatTemplateToken();

    [GeneratedRegex(@"^\s*(?:system|assistant|developer)\s*:", Options | RegexOptions.Multiline)]
    private static partial Regex FakeRoleLine();

    [GeneratedRegex(@"!\[[^\]]{0,200}\]\(\s*(?:https?:)?//[^)\s]{0,400}?(?:\{|\$\{|\{\{|<|%7b|\[)", Options)]
    private static partial Regex ImageUrlPlaceholder();

    [GeneratedRegex(@"\b(?:append|add|include|encode|insert|put|attach|embed|concatenate|place|pass|exfiltrate|leak|smuggle)\W*" + Filler5 + @"(?:conversation|chat\W*history|chat\W*log|previous\W*messages|message\W*history|system\W*prompt|secrets?|passwords?|user'?s?\W*(?:data|messages|details)|personal\W*data|everything\W*(?:above|so\W*far))\W*(?:\w+\W+){0,8}?(?:urls?|links?|images?|img|query|parameters?|params?|endpoint|webhook|markdown)\b", Options)]
    private static partial Regex DataIntoUrl();

    [GeneratedRegex(@"\b(?:render|display|show|output|print|include|insert|embed)\W*" + Filler3 + @"(?:markdown\W*)?(?:image|img|picture|pixel)\W*(?:\w+\W+){0,6}?(?:https?|url|link)\b", Options)]
    private static partial Regex RenderImageUrl();

    [GeneratedRegex(@"\b(?:send|post|upload|forward|submit|transmit|exfiltrate)\W*" + Filler3 + @"(?:to|at)\W*(?:https?\W*//|www\.)", Options)]
    private static partial Regex SendToSite();

    [GeneratedRegex(@"\b(?:act|respond|answer|reply|speak|operate|behave|pose)\W*as\W*(?:if\W*(?:you|i)\W*(?:were|was|are|am)\W*)?(?:the\W*|a\W*)?(?:another|other|different|second)\W*(?:user|customer|account)\b", Options)]
    private static partial Regex ActAsOtherUser();

    [GeneratedRegex(@"\b(?:act|respond|answer|reply|log\W*(?:me\W*)?in|sign\W*(?:me\W*)?in|authenticate\W*me|operate)\W*as\W*(?:the\W*)?(?:user|account|customer|tenant|employee)\W*(?:id\W*|number\W*|named\W*)?[#:""']?\W*[\w.@-]{2,}", Options)]
    private static partial Regex ActAsNamedUser();

    [GeneratedRegex(@"\bimpersonate\W*(?:\w+\W+){0,2}?(?:user|users|account|customer|admin|administrator|employee|someone|ceo|another)\b", Options)]
    private static partial Regex Impersonate();

    [GeneratedRegex(@"\b(?:show|give|read|access|list|open|retrieve|fetch|display|get)\W*(?:me\W*)?" + Filler2 + @"(?:another\W*user'?s?|other\W*users'?|someone\W*else'?s?|a\W*different\W*user'?s?|all\W*users'?)\W*(?:\w+\W+){0,1}?(?:data|messages|emails|inbox|files|records|account|orders|conversations|chats?|history|profile|details|documents)\b", Options)]
    private static partial Regex OtherUsersData();

    [GeneratedRegex(@"\bon\W*behalf\W*of\W*(?:another|a\W*different|some\W*other|the\W*other)\W*(?:user|customer|account|person)", Options)]
    private static partial Regex OnBehalfOfOther();

    [GeneratedRegex(@"\b(?:log|sign)\W*(?:me\W*)?in\W*(?:to\W*)?(?:as|with|using)\W*(?:\w+\W+){0,2}?(?:his|her|their|\w+'s)\b|\buse\W*(?:his|her|their|\w+'s)\W*(?:\w+\W+){0,1}?(?:account|credentials|login|password|mailbox|session|token)\b", Options)]
    private static partial Regex LogInAsSomeone();

    [GeneratedRegex(@"\b(?:show|read|open|forward|give|send|list|pull\W*up)\W*(?:me\W*)?(?:all\W*)?(?:of\W*)?(?:his|her|their|my\W*(?:boss|manager|colleague|coworker|co\W*worker)'?s?)\W*(?:\w+\W+){0,1}?(?:mail|emails?|inbox|mailbox|messages|files|documents|salary|payslips?|records|calendar)\b", Options)]
    private static partial Regex SomeoneElsesMailbox();

    [GeneratedRegex(@"\b(?:add|put|make|elevate|promote|grant|give|set|upgrade)\W*(?:me|my\W*(?:account|user|permissions?|role|access))\W*(?:\w+\W+){0,4}?(?:domain\W*)?(?:admins?|administrators?|owners?|root|superusers?|full\W*access|all\W*permissions|elevated|admin\W*rights|privileges)\b", Options)]
    private static partial Regex GrantMePrivileges();

    [GeneratedRegex(@"\b(?:disable|turn\W*off|switch\W*off|deactivate|bypass|suspend|stop|pause)\W*(?:\w+\W+){0,3}?(?:mfa|2fa|multi\W*factor|two\W*factor|audit\W*(?:log(?:ging|s)?|trail)|logging|monitoring|alerting|alerts|firewall|antivirus|security\W*(?:checks?|controls?|scans?)|verification\W*steps?)\b", Options)]
    private static partial Regex DisableSecurityControl();

    [GeneratedRegex(@"\b(?:delete|wipe|drop|purge|erase|remove|cancel|refund|deactivate|reset)\W*(?:all|every|each|the\W*entire|the\W*whole)\W*(?:\w+\W+){0,2}?(?:users?|accounts?|records?|files?|orders?|customers?|databases?|tables?|backups?|logs?|passwords?)\b", Options)]
    private static partial Regex BulkDestructiveAction();

    [GeneratedRegex(@"\b(?:without|skip(?:ping)?|bypass(?:ing)?|no\W*need\W*(?:for|to)|don'?t\W*(?:ask|wait|bother|need)|never\W*mind)\W*(?:\w+\W+){0,2}?(?:approvals?|confirmations?|confirming|a\W*ticket|tickets|sign\W*off|reviews?|verification|verifying|asking|telling\W*anyone|permission|notifying)", Options)]
    private static partial Regex SkipApproval();

    [GeneratedRegex(@"\bfrom\W*(?:the\W*)?(?:headquarters|hq|management|leadership|ceo|board|it\W*security|security\W*team|development\W*team|dev\W*team|your\W*(?:developers?|creators?|operators?|owners?))\b\W*(?:\w+\W+){0,3}?(?:you\W*(?:must|are\W*to|will|should)|skip|ignore|disable|answer|respond|lift|suspend|bypass|without|no\W*longer|effective\W*immediately|are\W*(?:lifted|suspended|disabled))", Options)]
    private static partial Regex AuthoritySource();

    [GeneratedRegex(@"\b(?:you(?:\W*are|'re)\W*(?:not|no\W*longer)|forget\W*(?:that\W*)?you(?:\W*are|'re))\W*(?:an?\W*|the\W*|just\W*an?\W*)?(?:ai|assistant|language\W*model|chatbot|bot|program)\b", Options)]
    private static partial Regex NoLongerAnAi();

    [GeneratedRegex(@"\b(?:if\W*you\W*(?:had|did\W*not\W*have|didn'?t\W*have)|with|imagine\W*having|suppose\W*you\W*had)\W*no\W*(?:\w+\W+){0,1}?(?:guidelines|rules|restrictions|filters|limits|limitations|boundaries)\b", Options)]
    private static partial Regex IfYouHadNoRules();
}
