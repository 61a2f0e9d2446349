namespace Procurement.Features.Cases;

/// <summary>
/// How the contractor is chosen (調達方式). It decides the words every document and the evaluation pages use, so a
/// document set never mixes a tender's 落札者 with a proposal's 評価基準 (docs/domain.md §9).
/// </summary>
/// <remarks>
/// The default is value 0: cases recorded before the procedure was a choice read as 公募型プロポーザル, which is what
/// their documents said. New values go at the end (stored by name in events, by number in older read models).
/// </remarks>
public enum ProcurementProcedure
{
    /// <summary>公募型プロポーザル (then 随意契約 with the selected party).</summary>
    PublicProposal = 0,
    /// <summary>総合評価一般競争入札 (地方自治法施行令 第167条の10の2).</summary>
    ComprehensiveTender = 1,
}

/// <summary>
/// The words a procedure uses for the roles of the process. Templates read them as <c>procedure.terms.*</c>; they
/// never write the words themselves.
/// </summary>
public sealed record ProcedureTerms
{
    /// <summary>The procedure's name (総合評価一般競争入札 / 公募型プロポーザル).</summary>
    public required string Name { get; init; }
    /// <summary>The method as a sentence names it (…により受注者を選定する).</summary>
    public required string Method { get; init; }
    /// <summary>The party the process selects (落札者 / 優先交渉権者).</summary>
    public required string SelectedParty { get; init; }
    /// <summary>The document that sets the criteria (落札者決定基準 / 評価基準).</summary>
    public required string CriteriaDocument { get; init; }
    /// <summary>The price ceiling (予定価格 / 提案上限額).</summary>
    public required string PriceCeiling { get; init; }
    /// <summary>The document carrying the price (入札書 / 価格提案書).</summary>
    public required string PriceSubmission { get; init; }
    /// <summary>The price a participant offers (入札価格 / 提案価格).</summary>
    public required string SubmittedPrice { get; init; }
    /// <summary>Who takes part (入札参加者 / 提案者).</summary>
    public required string Participant { get; init; }
    /// <summary>The conditions for taking part (入札参加資格 / 参加資格).</summary>
    public required string Qualification { get; init; }
    /// <summary>The act of choosing (落札者の決定 / 優先交渉権者の選定).</summary>
    public required string Selection { get; init; }
    /// <summary>How the contract is then made, as a sentence.</summary>
    public required string ContractRoute { get; init; }
}

public static class ProcurementProcedures
{
    public const ProcurementProcedure Default = ProcurementProcedure.PublicProposal;

    public static IReadOnlyList<ProcurementProcedure> All { get; } = Enum.GetValues<ProcurementProcedure>();

    private static readonly ProcedureTerms Proposal = new()
    {
        Name = "公募型プロポーザル",
        Method = "公募型プロポーザル方式",
        SelectedParty = "優先交渉権者",
        CriteriaDocument = "評価基準",
        PriceCeiling = "提案上限額",
        PriceSubmission = "価格提案書",
        SubmittedPrice = "提案価格",
        Participant = "提案者",
        Qualification = "参加資格",
        Selection = "優先交渉権者の選定",
        ContractRoute = "優先交渉権者と契約内容を協議し、合意したときは、地方自治法施行令第167条の2第1項第2号の規定による随意契約により契約を締結する。",
    };

    private static readonly ProcedureTerms Tender = new()
    {
        Name = "総合評価一般競争入札",
        Method = "総合評価一般競争入札（地方自治法施行令第167条の10の2）",
        SelectedParty = "落札者",
        CriteriaDocument = "落札者決定基準",
        PriceCeiling = "予定価格",
        PriceSubmission = "入札書",
        SubmittedPrice = "入札価格",
        Participant = "入札参加者",
        Qualification = "入札参加資格",
        Selection = "落札者の決定",
        ContractRoute = "落札者と契約を締結する。",
    };

    public static ProcedureTerms Terms(ProcurementProcedure procedure) => procedure switch
    {
        ProcurementProcedure.ComprehensiveTender => Tender,
        _ => Proposal,
    };

    /// <summary>The procedure's name on pages (Japanese key; en.json translates it).</summary>
    public static string DisplayName(ProcurementProcedure procedure) => Terms(procedure).Name;

    /// <summary>A term by its name in the document model (<c>selected_party</c>, <c>criteria_document</c> …); null when there is none.</summary>
    public static string? Term(ProcedureTerms terms, string snakeName)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToElement(terms, Documents.DocumentModel.Json);
        return json.TryGetProperty(snakeName, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;
    }

    /// <summary>Every role term of every procedure: a test checks no document carries another procedure's.</summary>
    public static IReadOnlyList<string> RoleTerms(ProcedureTerms t) => [t.SelectedParty, t.CriteriaDocument, t.PriceCeiling, t.PriceSubmission];
}
