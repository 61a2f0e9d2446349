using System.Text.Json;
using System.Text.Json.Serialization;
using Procurement.Features.Catalog;
using Procurement.Features.Groups;

namespace Procurement.Features.Documents;

/// <summary>
/// Everything a document template can read, serialised with snake_case names (docs/authoring-templates.md lists them).
/// Sections other features own (evaluation, SLA, vendors, Q&amp;A …) are null until the case holds them; templates
/// then print 「未確定」 instead of inventing content. Dates are ISO strings and amounts plain numbers: templates
/// format them with wareki / yen so the group's date style applies everywhere. The sections are declared once, in
/// <see cref="DocumentSections"/>, which this model extends with what every document has.
/// </summary>
public sealed record DocumentModel : DocumentSections
{
    /// <summary>The specification's figures are the defaults until the case has its own.</summary>
    public DocumentModel() => Specification = SpecificationInfo.Defaults;

    private DocumentModel(DocumentSections sections) : base(sections) => Specification ??= SpecificationInfo.Defaults;

    public DocumentInfo Document { get; init; } = new();
    public GroupInfo Group { get; init; } = new();
    public ProcurementInfo Procurement { get; init; } = new();
    /// <summary>調達方式 and its words (<c>procedure.terms.selected_party</c> …): templates never write 落札者 or 優先交渉権者 themselves.</summary>
    public ProcedureInfo Procedure { get; init; } = ProcedureInfo.For(ProcurementProcedures.Default);
    public Settings Settings { get; init; } = new();
    /// <summary>Filled by the renderer from clause-rules.json and the officer's clause settings.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, object?>>? Clauses { get; init; }

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The case and group as the app holds them; <paramref name="sections"/> adds what other features know.</summary>
    public static DocumentModel FromCase(CaseSummary c, GroupView g, DocumentInfo document, Settings settings, DocumentSections? sections = null)
    {
        sections ??= new DocumentSections();
        // Dates come from the schedule: 本稼働 is its go-live step (the case's planned date until there is a schedule),
        // the contract starts at its contract step and ends when the contract terms say.
        string? StepDate(string id) => sections.Schedule?.FirstOrDefault(s => s.Id == id)?.Date;
        return new DocumentModel(sections)
        {
            Document = document,
            Settings = settings,
            Group = new GroupInfo
            {
                Name = g.Name,
                Form = OrganisationForms.DisplayName(g.Form),
                Representative = g.Representative,
                Members = g.Members.Select(m => new MemberInfo(m.Name, m.Population, m.PopulationDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).ToList(),
                TotalPopulation = g.TotalPopulation,
            },
            Procurement = new ProcurementInfo
            {
                Title = c.Title,
                CloudForm = c.CloudForm.ToString(),
                PlannedGoLive = StepDate("go-live") ?? Iso(c.PlannedGoLive),
                ContractStart = sections.Contract?.Start ?? StepDate("contract-sla"),
                ContractEnd = sections.Contract?.End,
                BudgetCeiling = c.BudgetCeiling,
                TargetBusinesses = c.TargetBusinesses
                    .Select(code => TargetBusiness.From(code, sections.Specification?.SpecificMigrations.FirstOrDefault(m => m.BusinessCode == code))).ToList(),
            },
            Procedure = ProcedureInfo.For(c.Procedure),
        };
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    public static string? Iso(DateOnly? d) => d is { } v ? Iso(v) : null;
}

/// <summary>What other features contribute (null = not decided yet). Pages or <see cref="IDocumentSectionSource"/>s fill it.</summary>
public record DocumentSections
{
    public IReadOnlyList<ScheduleItem>? Schedule { get; init; }
    public IReadOnlyList<Requirement>? Requirements { get; init; }
    public IReadOnlyList<Vendor>? Vendors { get; init; }
    public Vendor? Award { get; init; }
    public ContractInfo? Contract { get; init; }
    public CommitteeInfo? Committee { get; init; }
    public EvaluationInfo? Evaluation { get; init; }
    public DemoInfo? Demo { get; init; }
    public SlaInfo? Sla { get; init; }
    public IReadOnlyList<QaItem>? Qa { get; init; }
    public SlaEvaluationInfo? SlaEvaluation { get; init; }
    public CurrentSystemsInfo? CurrentSystems { get; init; }
    public FitGapInfo? FitGap { get; init; }
    public CostShareInfo? CostShare { get; init; }
    /// <summary>The specification's figures (<see cref="DocumentModel"/> holds the defaults until the case has its own).</summary>
    public SpecificationInfo? Specification { get; init; }
}

/// <summary>
/// A feature that owns part of a case (evaluation, SLA, vendors, Q&amp;A) registers one of these, so generated documents
/// pick its data up without the documents feature knowing its storage.
/// </summary>
public interface IDocumentSectionSource
{
    ValueTask<DocumentSections> ContributeAsync(Guid caseId, DocumentSections current, CancellationToken ct);
}

public sealed record DocumentInfo
{
    public string Title { get; init; } = "";
    public string Kind { get; init; } = "";
    public int Edition { get; init; } = 1;
    /// <summary>作成日 (ISO). The case's clock date, never "now" inside the renderer.</summary>
    public string? Date { get; init; }
    /// <summary>文書番号, e.g. 南信州ク協第12号; null when the group does not number this document.</summary>
    public string? Number { get; init; }
    public bool Draft { get; init; } = true;
}

/// <summary>The case's procedure: its id (public_proposal / comprehensive_tender), name and role terms.</summary>
public sealed record ProcedureInfo(ProcurementProcedure Id, string Name, ProcedureTerms Terms)
{
    public static ProcedureInfo For(ProcurementProcedure procedure)
    {
        var terms = ProcurementProcedures.Terms(procedure);
        return new(procedure, terms.Name, terms);
    }
}

public sealed record Settings
{
    public DateStyle DateStyle { get; init; } = DateStyle.WarekiOnly;
}

public sealed record GroupInfo
{
    public string Name { get; init; } = "";
    public string Form { get; init; } = "";
    public string Representative { get; init; } = "";
    public IReadOnlyList<MemberInfo> Members { get; init; } = [];
    public long TotalPopulation { get; init; }
}

public sealed record MemberInfo(string Name, long Population, string PopulationDate);

public sealed record ProcurementInfo
{
    public string Title { get; init; } = "";
    public string CloudForm { get; init; } = "SaaS";
    public string? PlannedGoLive { get; init; }
    public long? BudgetCeiling { get; init; }
    public string? ContractStart { get; init; }
    public string? ContractEnd { get; init; }
    public IReadOnlyList<TargetBusiness> TargetBusinesses { get; init; } = [];
}

/// <summary>A target 業務 with the data standard its end-of-contract data provision must follow (§3 of the domain notes).</summary>
public sealed record TargetBusiness(string Code, string Name, bool Standardised, string DataStandardName)
{
    /// <summary>The character set of the handed-over data (行政事務標準文字 / 文字情報基盤), per the catalogue.</summary>
    public string CharacterSet { get; init; } = BusinessCatalog.Source.CharacterSets.IntermediateLayout;

    /// <summary>特定移行支援: the 業務's system is a 移行困難システム that moves to a 標準準拠システム later, for this reason.</summary>
    public bool SpecificMigration { get; init; }
    public string? SpecificMigrationReason { get; init; }
    /// <summary>When the system is to be a 標準準拠システム (ISO date); null when not decided.</summary>
    public string? SpecificMigrationTarget { get; init; }

    public static TargetBusiness From(string code) => From(code, null);

    /// <summary>
    /// The catalogue's 業務; with an officer's 特定移行支援 override (a 標準化 業務 only) the data is handed over as the
    /// system keeps it until the move (<see cref="Business.DataStandardNameFor"/>).
    /// </summary>
    public static TargetBusiness From(string code, SpecificMigration? migration)
    {
        var b = BusinessCatalog.Find(code);
        if (b is null) return new TargetBusiness(code, code, false, "中間標準レイアウト仕様");
        var migrating = migration is not null && b.Standardised;
        return new TargetBusiness(b.Code, b.Name, b.Standardised, b.DataStandardNameFor(migrating))
        {
            CharacterSet = b.CharacterSetFor(migrating),
            SpecificMigration = migrating,
            SpecificMigrationReason = migrating ? migration!.Reason : null,
            SpecificMigrationTarget = migrating ? DocumentModel.Iso(migration!.TargetDate) : null,
        };
    }
}

/// <summary>
/// The figures the 調達仕様書 states (terminals, response time, hours, recovery, retention, training, the department in
/// charge). The cooperation period and the erasure deadline are clause parameters (next_vendor_cooperation,
/// data_erasure), shared with the contract, so the two documents cannot disagree. Defaults are a typical municipal core-system level (domain notes §5); a case's own figures replace them.
/// </summary>
public sealed record SpecificationInfo
{
    /// <summary>Empty until a case names it: the specification then leaves the sentence out rather than print a placeholder.</summary>
    public string Department { get; init; } = "";
    public int Terminals { get; init; } = 180;
    public int ResponseSeconds { get; init; } = 3;
    public string ServiceHours { get; init; } = "開庁日の8時30分から17時15分まで（時間外の利用は事前の申請による。）";
    public int RtoHours { get; init; } = 24;
    public string Rpo { get; init; } = "障害発生の前日の業務終了時点";
    public int BackupRetentionYears { get; init; } = 5;
    public int MigrationRehearsals { get; init; } = 2;
    public int TrainingSessions { get; init; } = 3;
    /// <summary>True while every figure is the default (no case figures entered yet); the specification says so.</summary>
    public bool Defaulted { get; init; } = true;
    /// <summary>The target 業務 an officer put on the 特定移行支援 path, with the reason.</summary>
    public IReadOnlyList<SpecificMigration> SpecificMigrations { get; init; } = [];

    public static SpecificationInfo Defaults { get; } = new();
}

/// <summary>
/// An officer's 特定移行支援 override of one target 業務 (by catalogue code): its system is a 移行困難システム, so it moves
/// to a 標準準拠システム later (by <paramref name="TargetDate"/> when known) instead of now. The reason is mandatory.
/// </summary>
public sealed record SpecificMigration(string BusinessCode, string Reason, DateOnly? TargetDate);

/// <summary>
/// One step of the case's schedule. <paramref name="Id"/> and <paramref name="Phase"/> are the workflow's step id and
/// phase (Phase0–Phase4), so a template can pick the steps it prints; <paramref name="Start"/> is when the step begins.
/// </summary>
public sealed record ScheduleItem(string Step, string? Date, string? Note = null, string? Id = null, string? Phase = null, string? Start = null);

/// <summary>機能要件 row: 必須 / 推奨 per target 業務.</summary>
public sealed record Requirement(string Business, string No, string Category, string Function, string Detail, string Level);

public sealed record Vendor(string Name, string? Address = null, string? Representative = null, string? CorporateNumber = null);

public sealed record ContractInfo(long? Amount, string? Start, string? End, long? InitialCost = null, long? MonthlyCost = null)
{
    /// <summary>甲 as the contract names it (the group, or its representative municipality); null = the group's name.</summary>
    public string? Kou { get; init; }
    /// <summary>成果物, one per item; null or empty = not decided (the contract says 未確定).</summary>
    public IReadOnlyList<string>? Deliverables { get; init; }
    /// <summary>検査 within this many days of delivery.</summary>
    public int? InspectionDays { get; init; }
    /// <summary>契約不適合: notice within this many months of learning of it.</summary>
    public int? NonconformityMonths { get; init; }
    /// <summary>特約事項, one per line the officer typed; the article is left out when there are none.</summary>
    public IReadOnlyList<string>? SpecialProvisions { get; init; }
    /// <summary>甲's signing title (高森町長, 管理者 …) under the 記名押印.</summary>
    public string? KouSigner { get; init; }
    /// <summary>The awarded bid (bids are tax-exclusive); <see cref="Amount"/> is this plus <see cref="Tax"/>.</summary>
    public long? AmountExcludingTax { get; init; }
    /// <summary>消費税及び地方消費税の額, stated in the price article.</summary>
    public long? Tax { get; init; }
    /// <summary>The consumption tax rate in percent (消費税及び地方消費税を合わせた率).</summary>
    public int? TaxRatePercent { get; init; }
    /// <summary>The amount per fiscal year (tax included); they add up to <see cref="Amount"/>.</summary>
    public IReadOnlyList<ContractYearInfo>? FiscalYears { get; init; }
    /// <summary>The amount per month of service (tax included) before the remainder; null for a single-month contract.</summary>
    public long? MonthlyAmount { get; init; }
    /// <summary>More than one fiscal year: the contract needs a multi-year basis and a budget clause.</summary>
    public bool MultiYear { get; init; }
    /// <summary>
    /// When each member municipality signs its own contract: this contract's member and its share of the whole
    /// (<see cref="Amount"/> is then that member's amount); null when one party signs for the group.
    /// </summary>
    public MemberShareInfo? Member { get; init; }
    /// <summary>The whole contract across all members (tax included) when <see cref="Member"/> is set.</summary>
    public long? GroupAmount { get; init; }
    /// <summary>各団体契約: one contract per member, each generated from these same terms with its own 甲 and share.</summary>
    public IReadOnlyList<ContractInfo>? MemberContracts { get; init; }
}

/// <summary><paramref name="Start"/>: the first day of the contract within the fiscal year (ISO).</summary>
public sealed record ContractYearInfo(int FiscalYear, string Start, string End, int Months, long Amount);

/// <summary>A member's contract: its name, its share basis (as the group decided it) and percent for the text.</summary>
public sealed record MemberShareInfo(string Name, string Basis, string Percent);

public sealed record CommitteeInfo(string? Chair, IReadOnlyList<CommitteeMember> Members, int? Quorum = null);

public sealed record CommitteeMember(string Name, string Position, string? Role = null);

public sealed record EvaluationInfo
{
    public string Method { get; init; } = "";
    public long TechnicalPoints { get; init; }
    public long PricePoints { get; init; }
    public string? PassLine { get; init; }
    public string? PriceFormula { get; init; }
    public string? Aggregation { get; init; }
    public IReadOnlyList<Criterion> Criteria { get; init; } = [];
    /// <summary>null until the committee has scored.</summary>
    public IReadOnlyList<EvaluationResult>? Results { get; init; }
    /// <summary>The 受注候補者's name once decided.</summary>
    public string? Award { get; init; }
    public string? DecidedOn { get; init; }
    public string? Remarks { get; init; }

    // The 審査結果報告書's detail: all null until technical scoring is closed, so a document generated earlier can
    // never carry a member's score.

    /// <summary>False while the result still waits for a decision (an undecided △, a missing price, a tie for first without a lot).</summary>
    public bool? Final { get; init; }
    /// <summary>What still has to be decided while <see cref="Final"/> is false.</summary>
    public IReadOnlyList<string>? Pending { get; init; }
    /// <summary>Per vendor (in the evaluation's vendor order): scores per category and per criterion, price, disqualification.</summary>
    public IReadOnlyList<VendorBreakdown>? Breakdown { get; init; }
    /// <summary>Per member: their technical total for each vendor, in the order of <see cref="Breakdown"/>.</summary>
    public IReadOnlyList<MemberTotals>? MemberTotals { get; init; }
    public IReadOnlyList<DisqualificationInfo>? Disqualifications { get; init; }
    /// <summary>Member × vendor pairs left out because the member declared a conflict of interest.</summary>
    public IReadOnlyList<ExclusionInfo>? Exclusions { get; init; }
    public IReadOnlyList<TieInfo>? Ties { get; init; }
    /// <summary>The chair's consensus scores and the committee's △ decisions, each with its reason.</summary>
    public IReadOnlyList<ConsensusInfo>? Consensus { get; init; }
    /// <summary>受注候補者 who declined (or with whom negotiation failed), in order; the 受注候補者 is the next of the ranking.</summary>
    public IReadOnlyList<DeclineInfo>? Declines { get; init; }
}

public sealed record VendorBreakdown(
    string Vendor, bool Disqualified, double Technical, double? Price, double Total, long? Bid,
    IReadOnlyList<CategoryScore> Categories, IReadOnlyList<CriterionScore> Criteria);

public sealed record CategoryScore(string Category, double MaxPoints, double Score);

/// <summary>The committee's figure for one item (average or sum, per the aggregation); Decision names a consensus or △ decision.</summary>
public sealed record CriterionScore(string Category, string Item, double MaxPoints, double Score, string? Decision = null);

public sealed record MemberTotals(string Member, bool Chair, IReadOnlyList<MemberVendorTotal> Totals);

/// <summary>Total is null when the member was excluded for this vendor; OwnRank only under rank voting.</summary>
public sealed record MemberVendorTotal(string Vendor, double? Total, bool Excluded, int? OwnRank = null);

public sealed record DisqualificationInfo(string Vendor, string Reason);

public sealed record ExclusionInfo(string Member, string Vendor);

/// <summary>Resolution: 技術点 / くじ / 未解消; DrawnBy and DrawnOn only for a lot.</summary>
public sealed record TieInfo(string Vendors, string Resolution, string Description, string? DrawnBy = null, string? DrawnOn = null);

/// <summary>Kind: 合議 (the chair's score replaces the members' marks) or △の判断 (an alternative accepted as ○ or rejected as ×).</summary>
public sealed record ConsensusInfo(string Kind, string Vendor, string Item, string Decision, string Reason, string By);

/// <summary>On: the ISO date the decline was recorded.</summary>
public sealed record DeclineInfo(string Vendor, string Reason, string On);

public sealed record Criterion(string Category, string Item, long Points, string Scale, bool Mandatory = false);

public sealed record EvaluationResult(int Rank, string Vendor, double Technical, double Price, double Total, string? Note = null);

public sealed record DemoInfo(IReadOnlyList<string> Scenarios, IReadOnlyList<DemoSlot> Slots, int? AttendeeCap = null, int? Minutes = null);

public sealed record DemoSlot(string Vendor, string? Date, string? Time, string? Place);

public sealed record SlaInfo(IReadOnlyList<SlaItem> Items, string? PenaltyModel = null, string? ResponsibilityBoundary = null)
{
    /// <summary>The level the items were based on (基幹業務 / その他のサービス).</summary>
    public string? Preset { get; init; }
    /// <summary>What the group procures itself, outside the vendor's responsibility (責任分界), one per item.</summary>
    public IReadOnlyList<string>? Exclusions { get; init; }
    /// <summary>The agreed penalty model with its numbers, so the template can state the exact formula.</summary>
    public SlaPenaltyInfo? Penalty { get; init; }
    /// <summary>計画サービス時間 in words (「毎日 0:00〜24:00」).</summary>
    public string? ServiceHours { get; init; }
    /// <summary>The reporting cycle as the sla_annex clause words it: 「1か月」 or 「3か月」.</summary>
    public string? ReportCycle { get; init; }
}

/// <summary><c>kind</c> is <c>annual_achievement</c> (model A) or <c>penalty_points</c> (model B, which uses the other numbers).</summary>
public sealed record SlaPenaltyInfo(string Kind, int PointsPerMiss, int PointsPerRepeatedMiss, int ThresholdPoints, decimal FeeReductionPercent, int PointExpiryMonths)
{
    /// <summary>The year's cap as a share of the year's payment (%).</summary>
    public decimal CapPercent { get; init; } = 10m;
    /// <summary>True: 損害賠償額の予定 (民法第420条); false: damages beyond it may still be claimed.</summary>
    public bool LiquidatedDamages { get; init; } = true;
}

public sealed record SlaItem(string Category, string Indicator, string Target, string Measurement, string? Formula = null)
{
    /// <summary>「99.9%以上」: the number the operation phase compares with; null for an item confirmed without a number.</summary>
    public string? Agreed { get; init; }
    public int Weight { get; init; } = 1;
}

/// <summary>One period of サービスレベル評価 (Phase4), as the report document shows it; figures are already formatted, months in 和暦.</summary>
public sealed record SlaEvaluationInfo(
    string Period, string PenaltyModel, string Achievement, string AnnualPayment, string Penalty,
    IReadOnlyList<SlaEvaluationItem> Items, IReadOnlyList<SlaEvaluationMonth> Months)
{
    /// <summary>Each month's measured value, 協定値 and 達成 per item, with how it was computed or why it was overridden.</summary>
    public IReadOnlyList<SlaEvaluationResult> Results { get; init; } = [];
    /// <summary>Model B: points and reductions per month.</summary>
    public IReadOnlyList<SlaEvaluationPenaltyMonth> PenaltyMonths { get; init; } = [];
    /// <summary>「年間支払額の10%（1,200,000円）」.</summary>
    public string? Cap { get; init; }
    /// <summary>How the SLA states the 違約金: 損害賠償額の予定 or not.</summary>
    public string? PenaltyNature { get; init; }
    /// <summary>「毎月測定し、四半期ごとに報告」: the SLA's cycles.</summary>
    public string? Cycle { get; init; }
    /// <summary>Months with items that have no result, one line each.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];
}

public sealed record SlaEvaluationItem(string Indicator, string Target, int MeasuredMonths, int MetMonths, string Achievement)
{
    public string? Agreed { get; init; }
    public int Weight { get; init; } = 1;
    public int AttributableMisses { get; init; }
}

public sealed record SlaEvaluationMonth(string Month, int Measured, int Met, string Achievement);

public sealed record SlaEvaluationResult(string Month, string Indicator, string Measured, string Agreed, string Achieved, string Note);

public sealed record SlaEvaluationPenaltyMonth(string Month, int EarnedPoints, int ActivePoints, string Reduction);

/// <summary>A published answer; <paramref name="ChangesConditions"/> marks an answer that changes the announced conditions.</summary>
public sealed record QaItem(string No, string? AnsweredOn, string Category, string Question, string Answer, bool ChangesConditions = false);
