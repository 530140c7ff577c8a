//! The ground floor of the texts and the number styles: which languages
//! the page has, which one a reader gets (`Lang::choose`), and how each
//! writes numbers (`NumberStyle`). `text` (the words) and `display` (the
//! numbers) both build on it, and neither on the other's types.

/// Where the reader's choice of language is stored (`storage`).
pub const LANG_KEY: &str = "sotp.lang";

/// How a reader writes numbers: which sign is for decimals and which
/// groups thousands. Files and links never depend on it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NumberStyle {
    /// "1,234.5": English and Chinese.
    #[default]
    DecimalPoint,
    /// "1.234,5": German.
    DecimalComma,
}

/// A language of the page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    /// Traditional Chinese, for Hong Kong, Macao and Taiwan.
    ZhHant,
    /// Simplified Chinese, for the mainland and Singapore.
    ZhHans,
    De,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::ZhHant, Lang::ZhHans, Lang::De];

    /// Its BCP 47 tag, for `<html lang>`, the stored choice and the name of
    /// its file (`lang/<code>.txt`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhHant => "zh-Hant",
            Lang::ZhHans => "zh-Hans",
            Lang::De => "de",
        }
    }

    /// Its name in itself, for the language switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhHant => "繁體中文",
            Lang::ZhHans => "简体中文",
            Lang::De => "Deutsch",
        }
    }

    /// The language whose `code` is `code` exactly (a stored choice).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language for a browser's language tag, if the page has it:
    /// zh-HK, zh-TW, zh-MO and any zh-Hant tag read Traditional; every
    /// other zh tag (zh, zh-CN, zh-SG, zh-Hans) Simplified; de-* German.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = tag.split('-');
        match parts.next()? {
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            "zh" => {
                let rest: Vec<&str> = parts.collect();
                let hant =
                    rest.iter().any(|p| matches!(*p, "hant" | "hk" | "tw" | "mo")) && !rest.contains(&"hans");
                Some(if hant { Lang::ZhHant } else { Lang::ZhHans })
            }
            _ => None,
        }
    }

    /// The first of the browser's languages (`navigator.languages`, in the
    /// reader's order) that the page has; English when none is.
    pub fn from_browser<S: AsRef<str>>(tags: &[S]) -> Lang {
        tags.iter().find_map(|t| Lang::from_tag(t.as_ref())).unwrap_or_default()
    }

    /// The language a page opens in: the reader's stored choice when it
    /// names a language of the page, else the browser's (`from_browser`).
    /// A stored choice that is damaged or unknown is passed over (and left
    /// as it is: only a new choice replaces it).
    pub fn choose<S: AsRef<str>>(stored: Option<&str>, browser: &[S]) -> Lang {
        stored.and_then(Lang::from_code).unwrap_or_else(|| Lang::from_browser(browser))
    }

    /// How this language writes numbers.
    pub fn number_style(self) -> NumberStyle {
        match self {
            Lang::De => NumberStyle::DecimalComma,
            _ => NumberStyle::DecimalPoint,
        }
    }
}
