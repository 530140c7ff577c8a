//! English, the master tables: their keys are the `*Key` enums, and every
//! other language gives a text for each. `{name}` is filled in by `fill`.
//!
//! Five tables, one per part of the page that shows them, because a table
//! lands in the wasm where the code that reads it does: the main module
//! carries only `Key`'s texts, each lazy chunk its own. The other languages
//! are files (`lang/<code>.txt`, `translation`) with the same groups, in
//! the order of the group numbers here. In the split build English is a
//! file too, written from these tables: only the reader's language is on
//! the first load.

macro_rules! table {
    ($(#[$doc:meta])* $group:ident in group $n:literal { $($key:ident = $text:literal,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $group {
            $($key,)*
        }

        impl $group {
            /// Every key, in table order.
            pub const ALL: &'static [$group] = &[$($group::$key,)*];
        }

        impl super::Text for $group {
            const GROUP: usize = $n;

            fn index(self) -> usize {
                self as usize
            }

            // The split build leaves data in the main module, so there the
            // English texts are a file like every language's (fetched, not
            // compiled in: `scripts/build-app.mjs` writes it from this file).
            #[cfg(not(sotp_split))]
            fn en(self) -> &'static str {
                const TEXTS: &str = concat!($($text,)*);
                const ENDS: [u16; $group::ALL.len()] = super::ends([$($text.len(),)*]);
                super::nth(TEXTS, &ENDS, self as usize)
            }

            #[cfg(sotp_split)]
            fn en(self) -> &'static str {
                ""
            }
        }
    };
}

table! {
    /// Texts the first value needs: field names, units and rules, the
    /// bridge, the verdict, the problems of a value (main module).
    Key in group 0 {
        RuleAny = "may be any number",
        RulePositive = "must be more than 0",
        RuleNonNegative = "must be 0 or more",
        RuleDiscount = "must be 0 or more and less than 100",
        RuleMargin = "must be between -100 and 100",
        RuleGrowth = "must be more than -100",
        RuleYear = "must be a whole year",
        NumEmpty = "enter a number",
        NumThousands = "write the number without thousands separators (1234.5, not 1,234.5)",
        NumDecimalComma = "use a point for decimals (1.5, not 1,5)",
        NumPercent = "write the number without the % sign (it is already in %)",
        NumPercentNotPct = "takes a plain number, not a percentage (no % sign)",
        NumNotANumber = "must be a number, like 1234.5",
        NumTooLarge = "is too large (at most 28 digits)",
        NumNotWhole = "must be a whole number",
        NumDecimalPoint = "use a comma for decimals (1,5, not 1.5)",
        NumGroups = "has separators out of place: group the digits in threes (650,000) or leave the separators out (650000)",
        BeforeBaseYear = "must not be before the base year",
        TooFarAfterBaseYear = "must be at most {max} years after the base year",
        TooLargeToCompute = "is too large to compute with",
        RetiresEveryShare = "would retire every share at this price (must buy back less than shares x price)",
        IssueLine = "{subject}: {problem}",
        LabelPrice = "Price, {listing}",
        LabelShares = "Shares, bn",
        LabelFx = "FX, {listing} per {reporting}",
        LabelBaseYear = "Base year",
        LabelValuationYear = "Valuation year",
        LabelNetCash = "Net cash, {reporting} bn",
        LabelInvestments = "Investments, {reporting} bn",
        LabelInvestmentsDiscount = "Investments discount, %",
        LabelOther = "Other adjustments (+/-), {reporting} bn",
        LabelHoldingDiscount = "Holding discount, %",
        LabelBuybacks = "Planned buybacks, {listing} bn",
        LabelEvDeliveries = "EV deliveries",
        LabelHandsetShipments = "Handset shipments",
        LabelUnits = "Units",
        LabelBaseHandsetShipments = "Base-year handset shipments",
        LabelBaseUnits = "Base-year units",
        LabelHandsetGrowth = "Handset shipments growth, %",
        LabelUnitGrowth = "Unit growth, %",
        LabelRevenueGrowth = "Revenue growth, %",
        LabelEvAsp = "EV ASP, {reporting}",
        LabelAsp = "ASP, {reporting}",
        LabelRevenue = "Revenue, {reporting} bn",
        LabelBaseRevenue = "Base-year revenue, {reporting} bn",
        LabelNetMargin = "Net margin, %",
        LabelEbitMargin = "EBIT margin, %",
        LabelMultiple = "Multiple, x",
        UnitCars = "cars",
        UnitHandsets = "handsets",
        UnitUnits = "units",
        UnitBn = "bn",
        UnitPct = "%",
        UnitTimes = "x",
        HintEvSalesMargin = "EV/Sales values revenue: the margin is shown in the bridge but not used.",
        TermHoldingDiscount = "Holding discount",
        TermNetCash = "Net cash",
        TermInvestments = "Investments, after discount",
        TermOther = "Other adjustments",
        TermBuybacks = "Buybacks",
        MethodPe = "P/E",
        MethodEvEbit = "EV/EBIT",
        MethodEvSales = "EV/Sales",
        PresetBear = "Bear",
        PresetBase = "Base",
        PresetBull = "Bull",
        PresetCustom = "Custom",
        PresetReplaced = "Preset switched: your edits were replaced.",
        Undo = "Undo",
        BridgeTitle = "Bridge to value per share",
        BridgeLine = "Line",
        BridgeRevenue = "Revenue, {reporting} bn",
        BridgeProfit = "Profit, {reporting} bn",
        BridgeMetric = "Metric x multiple",
        BridgeValue = "Value, {reporting} bn",
        BridgePerShare = "Per share, {listing}",
        BridgeShare = "Share",
        Verdict = "{case} case: {value} a share, {relation} {price}",
        VerdictAbove = "{pct} above",
        VerdictBelow = "{pct} below",
        VerdictInLine = "in line with",
        RowValuePerShare = "Value per share",
        MethodLabel = "Method",
        SegmentSmartphones = "Smartphones",
        SegmentIot = "IoT & lifestyle",
        SegmentInternet = "Internet services",
        SegmentEv = "Smart EV",
        PageTitle = "SOTP - Xiaomi sum-of-the-parts valuation",
        PageDescription = "Sum-of-the-parts valuation of Xiaomi (HKEX: 1810) with your own assumptions, computed entirely in your browser.",
        SkipToValuation = "Skip to the valuation",
        LanguageLabel = "Language",
        LanguageNotLoaded = "This language could not be loaded; the connection may be down. The page stays as it is.",
        ValuationSummary = "Valuation summary",
        CaptionPrice = "Price",
        HiddenUpside = "upside",
        HiddenDownside = "downside",
        StaleNote = "Showing the last valid valuation until the marked fields are fixed.",
        PanelGroup = "Group",
        NetCashNote = "Net cash is 0 by default: a P/E value is already equity value and includes the earnings on cash, so adding the cash too would count it twice. Enter it when the core is valued on EV/EBIT or EV/Sales.",
        Disclaimer = "For information only; not investment advice.",
        FooterNote = "The default price is the close of {date}; the company figures come from the sources below, each with its date. Everything is computed in your browser; nothing leaves this page.",
        Sources = "Sources",
        PartSources = "The list of sources",
        PresetGroup = "Preset",
        PriceCloseOf = "close of {date}",
        PriceYours = "your price",
        PartFileActions = "Import and export",
        PartSaving = "Saving",
        PartLibrary = "My scenarios",
        PartCompare = "Compare and weight",
        PartNotes = "Notes",
        PartBridge = "Bridge to the value per share",
        ResetBackTo = "Back to {value}",
        Reset = "Reset",
        SourceOf = "Source of {field}",
        ExplainNotLoaded = "The explanation could not be loaded; the connection may be down.",
        Retry = "Retry",
        HowComputed = "How is this computed?",
        PartsNotLoaded = "Part of the page could not be loaded ({parts}); the connection may be down.",
    }
}

table! {
    /// Texts of what happened: notices, refusals and their reasons, the save
    /// status, link and storage errors, damaged entries (the `saved` chunk).
    NoticeKey in group 1 {
        IssueLineWithPath = "{subject}, at {path}: {problem}",
        ListScenario = "Scenario {n}: {line}",
        ListSeparator = "; ",
        StatusStorageOff = "Saving is off in this browser",
        ImportScenario = "Import scenario",
        ExportScenario = "Export scenario",
        ExportAll = "Export all",
        BridgeCsv = "Bridge as CSV",
        Dismiss = "Dismiss",
        ShareLink = "Share link",
        CopyLink = "Copy link",
        SavedCount = "{n} saved",
        NothingSaved = "Nothing saved yet. Save keeps the scenario on screen in this browser only.",
        DeletedNamed = "Deleted \u{201C}{name}\u{201D}.",
        Open = "Open",
        NewName = "New name",
        Ok = "OK",
        Rename = "Rename",
        Duplicate = "Duplicate",
        Delete = "Delete",
        UnsavedChanges = "Unsaved changes",
        OpenAnywayQuestion = "The scenario on screen has unsaved changes. Open this one anyway?",
        OpenAnyway = "Open anyway",
        Cancel = "Cancel",
        DamagedEntry = "Damaged saved entry",
        ExportRaw = "Export raw text",
        SaveAndShare = "Save and share",
        ScenarioName = "Scenario name",
        Save = "Save",
        SaveAsNew = "Save as new",
        ConflictNewerTitle = "Saved in another tab",
        ConflictNewer = "\u{201C}{name}\u{201D} was saved in another tab after you opened it (that version: {value}). Your version is not saved yet.",
        SaveMineAsCopy = "Save mine as a copy",
        OverwriteWithMine = "Overwrite with mine",
        OpenTheirs = "Open theirs",
        ConflictGoneTitle = "Deleted in another tab",
        ConflictGone = "This scenario was deleted in another tab, or replaced by a version this page cannot read; it is left as it is. Your version is not saved yet.",
        StatusNotSaved = "Not saved",
        StatusFromLink = "Opened from a link: not saved",
        StatusUnsavedChanges = "Unsaved changes",
        StatusSaved = "Saved",
        DraftRestored = "Your unsaved edits from {when} are back. They are not saved yet.",
        DraftDiscard = "Discard draft",
        CsvMethod = "Method",
        SwitchKept = "Kept at {multiple}x: {to} multiplies the same profit as {from} did, so the value stays.",
        SwitchRecalled = "Back to {multiple}x, the multiple you had with {to}.",
        SwitchEquivalent = "Set to {multiple}x {to}, worth about what {was}x {from} was. Change it to the multiple you mean.",
        SwitchNoEquivalent = "Still {multiple}x, from {from}: at a margin of 0% or below no {to} multiple keeps the value. Set the one you mean.",
        FarAbove = "Far above the Base case's {base} (over 10 times). Used as typed; check it.",
        FarBelow = "Far below the Base case's {base} (under a tenth). Used as typed; check it.",
        FarOutsideBand = "Outside the usual {low}% to {high}%. Used as typed; check it.",
        DoneSaved = "Saved \u{201C}{name}\u{201D}.",
        DoneSavedOverTheirs = "Saved over the other tab's version of \u{201C}{name}\u{201D}.",
        DoneDuplicated = "Duplicated as \u{201C}{name}\u{201D}.",
        DoneImportedOne = "Imported \u{201C}{name}\u{201D} from {file}. It is not saved yet.",
        DoneImportedMany = "Imported {count} scenarios from {file} into My scenarios.",
        DoneImportedManyOne = "Imported 1 scenario from {file} into My scenarios.",
        DoneOpenedLink = "Opened \u{201C}{name}\u{201D} from a link. It is not saved yet: Save keeps it in this browser.",
        DoneExportedScenario = "Exported {file}.",
        DoneExportedStale = "Exported the last valid scenario as {file}; fix the marked fields to export your latest edits.",
        DoneExportedList = "Exported {count} saved scenarios as {file}.",
        DoneNothingToExport = "There are no saved scenarios to export yet.",
        DoneExportedBridge = "Exported the bridge as {file}.",
        LinkCopied = "Link to this scenario copied ({chars} characters). Anyone who opens it sees the same numbers.",
        LinkCopiedStale = "Link to the last valid scenario copied ({chars} characters). Anyone who opens it sees the same numbers.",
        LinkByHand = "Copy this link to this scenario ({chars} characters):",
        LinkByHandStale = "Copy this link to the last valid scenario ({chars} characters):",
        RefusedSave = "Not saved.",
        RefusedReadSaved = "Saved scenarios could not be read.",
        RefusedSaveInvalid = "Not saved: fix these first, so that nothing invalid is stored.",
        RefusedRename = "Not renamed.",
        RefusedDuplicate = "Not duplicated.",
        RefusedDelete = "Not deleted.",
        RefusedImportList = "Import refused: a list of scenarios is saved into My scenarios.",
        RefusedImportTooLarge = "Import refused: {file} is larger than {max} bytes.",
        RefusedImportUnreadable = "Import refused: {file} could not be read as text.",
        RefusedImportFormatOne = "Import refused: {file} does not follow the scenario format. Nothing was changed. 1 problem to fix:",
        RefusedImportFormatMany = "Import refused: {file} does not follow the scenario format. Nothing was changed. {count} problems to fix:",
        RefusedExport = "Export failed: this browser refused to create the download.",
        RefusedOpenLink = "This share link could not be opened; the page shows what it had.",
        RefusedLinkTooLong = "This scenario is too large for a link.",
        ReasonLinkTooLong = "Its link would be {chars} characters; links hold at most {max}. Use Export scenario to share it as a file.",
        ReasonPendingFields = "Some fields hold text that is not a valid value (marked in red).",
        ReasonNotStored = "That scenario is no longer stored.",
        ReasonName = "Name: {problem}",
        ReasonPartlyImported = "{done} of {total} scenarios from {file} were saved before this.",
        StorageUnavailable = "This browser does not let the page use local storage (private mode or blocked site data), so scenarios cannot be saved here. Everything else works; export to a file or copy a link to keep your work.",
        StorageFull = "Local storage is full, so nothing was saved (what was saved before is unchanged). Delete or export some saved scenarios and try again.",
        StorageFailed = "The browser refused to save: {why}. Nothing was changed.",
        LinkTooLong = "This link is too long to open ({chars} characters; a share link has at most {max}).",
        LinkUnknownVersion = "This link was made by a newer version of SOTP (format {tag}); reload the page to update.",
        LinkNotBase64 = "This link contains a character that cannot be part of a share link (character {n}); copy the whole link again.",
        LinkTruncated = "This link is incomplete: it was probably cut off when it was copied.",
        LinkCorrupt = "This link is damaged: some of its characters were changed after it was made; copy the whole link again.",
        LinkMalformed = "This is not a share link SOTP can read: {what}.",
        LinkInvalid = "This link's scenario breaks the rules: {issues}",
        MalformedNoTag = "it does not begin with the s1. tag of a share link",
        MalformedTagTooLong = "its format tag is too long",
        MalformedTagNotWritten = "{tag} is not a format tag SOTP writes",
        MalformedEndsAt = "its data ends at {at}",
        MalformedTooLarge = "{at} is too large",
        MalformedNotShortest = "{at} is not written in its shortest form",
        MalformedLongerThanLink = "{at} is longer than the link",
        MalformedNotUtf8 = "{at} is not valid UTF-8",
        MalformedUnknownFlags = "{at} has unknown flags",
        MalformedTooManyDecimals = "{at} has more than 28 decimal places",
        MalformedUnknownCode = "{at} {code} is unknown",
        MalformedTrailingByte = "a byte follows the scenario",
        MalformedTrailingBytes = "{bytes} bytes follow the scenario",
        DamageForeignKey = "The key \"{key}\" is not a key of a saved SOTP scenario.",
        DamageBadId = "The key ends in \"{id}\", which is not a valid id (1 to {max} of a-z, 0-9 and -).",
        DamageEmpty = "It is empty.",
        DamageNotJson = "It is not valid JSON (line {line}, column {column}); it may have been cut short while saving.",
        DamageNotObject = "It is {kind}, not a saved scenario (a JSON object).",
        DamageNoSchema = "It has no \"schema\" field, so it is not a saved scenario.",
        DamageSchemaNotWhole = "Its \"schema\" must be a whole number such as {schema}, not {found}.",
        DamageUnreadable = "It does not read as a schema-{schema} entry: {problems}.",
        DamageNewerSchema = "It was saved by a newer version of SOTP (storage schema {schema}; this version reads schemas 1 and {current}). It is kept unchanged: open it in the newer version, or export its raw text.",
        DamageUnknownSchema = "Its schema {schema} is not a SOTP storage schema (1 or {current}).",
        EntryIdMismatch = "its id \"{id}\" is not the id in its key (\"{key_id}\"), so it may be a copy put under the wrong key",
        EntryField = "\"{key}\" {problem}",
        EntryScenario = "its scenario breaks the rules of the scenario file ({issues})",
    }
}

table! {
    /// Texts of Compare and its weights (the `compare` chunk).
    CompareKey in group 2 {
        SegmentThing = "{segment}: {what}",
        PresetTitle = "{preset} preset",
        DriverUnits = "Units x ASP",
        DriverUnitsGrowth = "Units with growth x ASP",
        DriverRevenue = "Revenue",
        DriverRevenueGrowth = "Revenue with growth",
        RowDoesNotValue = "Does not value",
        RowUpside = "Upside",
        RowCompany = "Company",
        RowDriver = "Driver",
        RowMethod = "Method",
        WeightTotal = "Weights add up to {sum}%; they must total 100%.",
        WeightNegative = "The weight of {name} is below 0%; weights must be 0% or more.",
        WeightScenarioN = "scenario {n}",
        WeightCurrency = "The scenarios are priced in different currencies; weighting needs one listing currency.",
        WeightNotValued = "{name} does not value; fix its inputs to weight it.",
        WeightUnreadable = "Weight for {title}: {problem}",
        OnScreen = "On screen",
        OnScreenNamed = "On screen: {name}",
        Chosen = "{n} chosen",
        PickLegend = "Scenarios to compare (2 to 4)",
        ChooseTwo = "Choose at least two scenarios.",
        InputColumn = "Input",
        WeightedTitle = "Probability-weighted value",
        WeightFor = "Weight for {title}, %",
        EqualWeights = "Equal weights",
        ExpectedValue = "Expected value per share:",
        ExpectedComma = ", ",
        AgainstPrice = " against the price",
    }
}

table! {
    /// Texts of "How is this computed?" (the `docs` chunk).
    ExplainKey in group 3 {
        ProfitPe = "net profit",
        ProfitEvEbit = "EBIT",
        ProfitEvSales = "profit (not used by EV/Sales)",
        ExplainUnits = "units x ASP",
        ExplainUnitsGrowth = "base-year units x (1 + growth)^{n} x ASP",
        ExplainUnitsGrowthOneYear = "base-year units x (1 + growth) x ASP",
        ExplainRevenue = "revenue",
        ExplainRevenueGrowth = "base-year revenue x (1 + growth)^{n}",
        ExplainRevenueGrowthOneYear = "base-year revenue x (1 + growth)",
        ExplainSalesMethod = "revenue x {method} multiple",
        ExplainProfitMethod = "{profit} (revenue x margin) x {method} multiple",
        ExplainSegment = "Revenue = {revenue}; value = {method}; per share = value / shares after buybacks x FX.",
        ExplainUnitsNumbers = "{units} {noun}{growth} x {asp}",
        ExplainGrowthNumbers = " x (1 {sign} {pct})^{n}",
        ExplainGrowthNumbersOneYear = " x (1 {sign} {pct})",
        ExplainSalesNumbers = "{revenue_numbers} = {revenue} x {multiple} = {value}",
        ExplainProfitNumbers = "{revenue_numbers} = {revenue} x {margin} = {profit} x {multiple} = {value}",
        ExplainPerShare = "{amount} / {shares}bn shares x {fx} = {per_share} a share",
        ExplainThen = "{first}; {then}",
        ExplainHoldingDiscount = "The sum of the parts x the holding discount, subtracted.",
        ExplainHoldingDiscountNumbers = "{sum} x {pct} = {discount} subtracted; {per_share}",
        ExplainNetCash = "Net cash is added (net debt subtracted). Under P/E it is usually 0: earnings already include the return on cash.",
        ExplainInvestments = "Investments x (1 - their discount), added.",
        ExplainInvestmentsNumbers = "{investments} x (1 - {pct}) = {net}; {per_share}",
        ExplainOther = "Other adjustments, with their sign: a positive figure adds to equity; claims such as minority interests are entered negative and take from it.",
        ExplainBuybacks = "Planned buybacks are paid from equity and retire shares at the price.",
        ExplainBuybacksNumbers = "{buybacks} / {fx} {listing} per {reporting} = {paid} subtracted; they retire {buybacks} / {price} = {retired}bn shares, leaving {left}bn; {per_share}",
        ExplainTotal = "Equity = sum of the parts - holding discount + net cash + investments + other - buybacks; per share = equity / shares after buybacks x FX.",
        ExplainTotalNumbers = "{equity} / {shares}bn shares = {reporting} {per_share} x {fx} = {value}",
    }
}

table! {
    /// Texts of issues as lists name them: what an issue is about, and the
    /// problems only a file or a name can have (lazy chunks; a field's own
    /// problems are `Key`'s).
    IssueKey in group 4 {
        Length = "must be 1 to {max} characters (found {found})",
        CurrencyCode = "must be a 3-letter ISO 4217 code in capitals, like RMB or HKD",
        Date = "must be a date written YYYY-MM-DD",
        SegmentCount = "must be 1 to {max} segments (found {found})",
        SegmentIdForm = "must be 1 to 32 of a-z, 0-9, _ and -",
        SegmentIdTaken = "\"{id}\" is used by another segment; ids must be unique",
        FileTooLarge = "is {bytes} bytes; a scenario file is at most {max} bytes",
        NotJson = "is not valid JSON (line {line}, column {column})",
        EmptyList = "holds an empty list; it must hold at least one scenario",
        TooManyScenarios = "holds {found} scenarios; a file holds at most {max}",
        NotScenarioOrList = "must be a scenario (a JSON object) or a list of scenarios, not a single value",
        Missing = "is missing",
        FormatMissing = "is missing (must be \"{format}\"); is this a SOTP scenario file?",
        Expected = "must be {what}, not {found}",
        NewerVersion = "is {found}: the file comes from a newer SOTP; this one reads version {version}",
        ExpObject = "an object",
        ExpList = "a list",
        ExpText = "a text",
        ExpDecimal = "a decimal such as \"40.34\"",
        ExpYear = "a whole number such as 2026",
        ExpWholeYear = "a whole year",
        ExpWholeNumber = "a whole number",
        ExpNonNegativeWhole = "a whole number 0 or more",
        ExpMethod = "\"pe\", \"ev_ebit\" or \"ev_sales\"",
        ExpDriverKind = "one of {kinds}",
        KindNull = "null",
        KindBool = "true/false",
        KindNumber = "a number",
        KindText = "a text",
        KindList = "a list",
        KindObject = "an object",
        SubjectName = "Scenario name",
        SubjectReportingCurrency = "Reporting currency",
        SubjectListingCurrency = "Listing currency",
        SubjectPriceDate = "Price date",
        SubjectSegments = "Segments",
        SubjectSegmentId = "{segment} id",
        SubjectSegmentName = "Segment {n} name",
        SubjectFile = "File",
        SegmentNumber = "Segment {n}",
        SubjectSegmentField = "{what} ({segment})",
    }
}

table! {
    /// Where each default comes from: the source behind each field's info
    /// mark and the Sources list (`docs` chunk; the `From*` texts go with
    /// `model::presets::SOURCE_OUTLETS`, in order).
    SourceKey in group 5 {
        Price = "HK$40.34: close of 25 Nov 2025, +4.35% on the day (Deep News, 25 Nov 2025).",
        Shares = "About 26.04bn shares: 4.51bn class A + 21.54bn class B; Lei Jun's 6.057bn shares at 23.26% gives the same.",
        Fx = "1 RMB = about 1.095 HKD, derived from Yicai, 19 Nov 2025.",
        Years = "FY2025 is the last full year; analysts value Xiaomi on 2026E (BOCI, UBS, Citi, CICC).",
        NetCash = "0 by default: a P/E value is already equity value and includes the earnings on cash (cash resources were RMB 236.7bn at 30 Sep 2025).",
        Investments = "0 by default; long-term investments at fair value were RMB 62.1bn plus RMB 6.2bn equity-method at 31 Dec 2024, and their returns sit in core earnings.",
        OtherDiscount = "0 by default: none of the brokers' SOTPs applies one.",
        Buybacks = "0 by default; over HK$2.3bn was bought back in 2025 to late Nov, and about 2.55bn shares were left on the June 2025 mandate on 20 Nov.",
        PhoneBaseUnits = "170m handsets in 2025 (Citi, Nov 2025; FY2024 was 168.6m).",
        PhoneGrowth = "-5.9%: Citi's 160m for 2026 after 170m in 2025 (160/170 - 1).",
        PhoneAsp = "RMB 1,100: ASP was 1,138 in FY2024, then 1,211 / 1,073 / 1,063 in Q1-Q3 2025.",
        PhoneMargin = "Net margin after opex on a 11-12.6% gross margin (FY2024 12.6%, Q3 2025 11.1%).",
        PhoneMultiple = "Core P/E: BOCI 22x 2026E, UBS 20.6x, Citi 18.9x; Morgan Stanley bear 10-15x, bull 25-30x.",
        IotBaseRevenue = "RMB 128bn for 2025: 98.6bn in Q1-Q3 2025 (32.3 + 38.7 + 27.6) plus a Q4 like Q3; FY2024 was 104.1bn.",
        IotGrowth = "2026 growth; FY2024 to 2025E is about +23%.",
        IotMargin = "Net margin on a 20-25% gross margin (FY2024 20.3%, Q3 2025 23.9%).",
        IotMultiple = "Core P/E, as for the whole core business (BOCI 22x 2026E).",
        InternetBaseRevenue = "RMB 37.2bn for 2025: 27.6bn in Q1-Q3 (9.1 + 9.1 + 9.4) plus a Q4 of about 9.6bn; FY2024 was 34.1bn.",
        InternetGrowth = "2026 growth; FY2024 to 2025E is about +9%.",
        InternetMargin = "Net margin on a 75-77% gross margin (Q1-Q3 2025).",
        EvUnits = "2026E deliveries: BOCI 651k, Citi 700k; 2025 target raised to over 400,000 (boerse-global.de, 27 Nov 2025); 500,000th car built 20 Nov 2025.",
        EvAsp = "RMB per car: 253,662 in Q2 and 260,053 in Q3 2025 (FY2024 234,479).",
        EvMargin = "EBIT margin: Q3 2025 was the first profit, RMB 0.7bn on 29.0bn revenue (2.4%); gross margin 25.5%.",
        EvMultiple = "EV/Sales 2026E: UBS 2x, Citi 1.5x; Morgan Stanley bear 1-1.5x, bull 3.5-4x.",
        From0 = "25 Nov 2025: the price: a close of HK$40.34 (+4.35%) after Lei Jun bought 2.6m shares for over HK$100m.",
        From1 = "19 Nov 2025: FX: 1 RMB = about 1.095 HKD (derived from its HKD, USD and RMB figures).",
        From2 = "27 Nov 2025: the 2025 EV delivery target, raised to over 400,000; the 500,000th car built.",
        From3 = "Feb 2026: shares outstanding, about 26.04bn (4.51bn class A + 21.54bn class B); Lei Jun's 23.26% gives the same.",
        From4 = "FY2024 and Q1-Q3 2025: segment revenue, margins, shipments and ASPs: smartphones 168.6m at RMB 1,138 (FY2024); IoT 104.1bn; internet 34.1bn; EV 108,796 cars at RMB 260,053 and a first operating profit of RMB 0.7bn in Q3 2025.",
        From5 = "16 Dec 2025: target HK$56.21 = 35.50 core (22x 2026E P/E) + 20.71 EV (on sales); EV units 2026E 651k.",
        From6 = "Nov 2025: target HK$50: core 18.9x 2026E P/E + EV 1.5x sales; EV 400k / 700k units in 2025 / 26; phones 170m / 160m.",
        From7 = "19 Nov 2025: target HK$46: 20.6x 2026E core earnings + 2x 2026E EV sales.",
        From8 = "May 2025: bear HK$30 / base 62 / bull 75; bull core 25-30x P/E and EV 3.5-4x sales, bear 10-15x and 1-1.5x.",
        From9 = "late Nov 2025: buybacks: over HK$2.3bn in 2025 to late November.",
        From10 = "20-21 Nov 2025: 21.5m shares for over HK$800m; about 2.55bn shares left on the June 2025 mandate.",
    }
}

/// How many texts each table has, by group number: what a language file
/// must have (`translation::read`).
pub const GROUP_SIZES: [usize; super::translation::GROUPS.len()] =
    [
        Key::ALL.len(),
        NoticeKey::ALL.len(),
        CompareKey::ALL.len(),
        ExplainKey::ALL.len(),
        IssueKey::ALL.len(),
        SourceKey::ALL.len(),
    ];
