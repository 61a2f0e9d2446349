using Procurement.Features.Contracts.Drafting;
using Procurement.Features.Sla;

namespace Procurement.Features.Contracts;

/// <summary>
/// The contract's own terms. Price and dates arrive as typed text, so "未定" or "1,2,3" gets a message next to the
/// field instead of silently becoming empty. 乙 and the price are the officer's provisional entry, used only until
/// the evaluation feature reports an award.
/// </summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record SaveContractTermsCommand(
    Guid CaseId, long ExpectedVersion, bool KouIsRepresentative,
    string? OtsuName, string? OtsuAddress, string? OtsuRepresentative, string? PriceText,
    string? PeriodStartText, string? PeriodEndText, IReadOnlyList<string> Deliverables,
    int? InspectionDays, int? NonConformityMonths, string? SpecialProvisions) : ICommand<long>, ICaseRequest;

public static class ContractTermsParsing
{
    public const long MaxPrice = 1_000_000_000_000;

    public static bool TryPrice(string? text, out long? price)
    {
        price = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var cleaned = text.Replace(",", "", StringComparison.Ordinal).Replace("円", "", StringComparison.Ordinal).Trim();
        if (!long.TryParse(cleaned, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p < 1 || p > MaxPrice) return false;
        price = p;
        return true;
    }

    public static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        date = d;
        return true;
    }

    public static readonly IReadOnlyList<string> DefaultDeliverables =
    [
        "サービスレベル定義書",
        "システム設計書（パラメータ設定書を含む。）",
        "データ移行計画書及びデータ移行結果報告書",
        "操作手順書（利用者向けマニュアル）",
        "運用報告書及びサービスレベル報告書（四半期ごと）",
    ];

    public static ContractTerms Defaults => new(true, null, null, null, null, null, null, DefaultDeliverables, 10, 12, null);
}

public sealed class SaveContractTermsValidator : AbstractValidator<SaveContractTermsCommand>
{
    public SaveContractTermsValidator(UiText t)
    {
        RuleFor(c => c.OtsuName).Optional(t, t["乙の名称"], 200);
        RuleFor(c => c.OtsuAddress).Optional(t, t["乙の住所"], 200);
        RuleFor(c => c.OtsuRepresentative).Optional(t, t["乙の代表者"], 100);
        RuleFor(c => c.PriceText).Must(p => ContractTermsParsing.TryPrice(p, out _)).WithMessage(t["契約金額は1円以上1兆円以下の整数（円）で入力してください。"]);
        RuleFor(c => c.PeriodStartText).Must(d => ContractTermsParsing.TryDate(d, out _)).WithMessage(t["契約期間の開始日を正しい日付で入力してください。"]);
        RuleFor(c => c.PeriodEndText).Must(d => ContractTermsParsing.TryDate(d, out _)).WithMessage(t["契約期間の終了日を正しい日付で入力してください。"])
            .Must((c, end) => !ContractTermsParsing.TryDate(c.PeriodStartText, out var s) || !ContractTermsParsing.TryDate(end, out var e) || s is null || e is null || e > s)
            .WithMessage(t["契約期間の終了日は開始日より後にしてください。"]);
        RuleFor(c => c.Deliverables).Must(d => d.Any(x => !string.IsNullOrWhiteSpace(x))).WithMessage(t["成果物を1行以上入力してください。"])
            .Must(d => d.Count <= 30).WithMessage(t["成果物は30行以内にしてください。"]);
        RuleForEach(c => c.Deliverables).Must(s => s.Length <= 200).WithMessage(t.Format("{0}は{1}文字以内で入力してください。", t["成果物"], 200))
            .Must(s => !XmlText.HasInvalidCharacters(s)).WithMessage(t.Format("{0}に使用できない制御文字が含まれています。", t["成果物"]));
        RuleFor(c => c.InspectionDays).Must(d => d is >= 1 and <= 90).WithMessage(t["検査の期間は1から90日で入力してください。"]);
        RuleFor(c => c.NonConformityMonths).Must(m => m is >= 1 and <= 120).WithMessage(t["契約不適合の通知期間は1から120か月で入力してください。"]);
        RuleFor(c => c.SpecialProvisions).Optional(t, t["特約事項"], 4000);
    }
}

public static class OptionalTextRule
{
    public static IRuleBuilderOptions<T, string?> Optional<T>(this IRuleBuilder<T, string?> rule, UiText t, string label, int max) =>
        rule.Must(s => s is null || s.Length <= max).WithMessage(t.Format("{0}は{1}文字以内で入力してください。", label, max))
            .Must(s => !XmlText.HasInvalidCharacters(s)).WithMessage(t.Format("{0}に使用できない制御文字が含まれています。", label));
}

public static class SaveContractTermsDecision
{
    public static ContractTerms ToTerms(SaveContractTermsCommand c)
    {
        ContractTermsParsing.TryPrice(c.PriceText, out var price);
        ContractTermsParsing.TryDate(c.PeriodStartText, out var start);
        ContractTermsParsing.TryDate(c.PeriodEndText, out var end);
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        return new ContractTerms(c.KouIsRepresentative, Clean(c.OtsuName), Clean(c.OtsuAddress), Clean(c.OtsuRepresentative), price, start, end,
            c.Deliverables.Select(d => d.Trim()).Where(d => d.Length > 0).ToList(), c.InspectionDays!.Value, c.NonConformityMonths!.Value,
            Clean(c.SpecialProvisions?.Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    public static Decision Decide(ContractDossier? dossier, CaseSummary @case, SaveContractTermsCommand c, Actor by, DateTimeOffset at)
    {
        var terms = ToTerms(c);
        if (dossier is not null && DossierRules.SameContent(dossier.Terms, terms)) return Decision.Nothing;
        return DossierRules.Change(dossier, @case, by, at, version => new ContractTermsSaved(ContractStreams.DossierId(@case.Id), version, terms, by, at));
    }
}

public sealed class SaveContractTermsHandler(IDocumentSession session, ContractAccess access, ICurrentUser user, TimeProvider clock, UiText t)
    : ICommandHandler<SaveContractTermsCommand, long>
{
    // Legal staff review prices but never set them: this is the only write path for the contract price.
    public async ValueTask<long> Handle(SaveContractTermsCommand command, CancellationToken cancellationToken) =>
        await DossierRules.SaveChangeAsync(session, access, command.CaseId, command.ExpectedVersion, t,
            (dossier, @case) => SaveContractTermsDecision.Decide(dossier, @case, command, user.Actor, clock.GetUtcNow()), cancellationToken);
}

/// <summary>SLA presets start an empty dossier, so the officer sees a full table rather than a blank form.</summary>
public static class DossierDefaults
{
    public static SlaDefinition Sla(ContractDossier? d) => d?.Sla ?? SlaPresets.Create(SlaPreset.CoreBusiness);

    public static ContractTerms Terms(ContractDossier? d) => d?.Terms ?? ContractTermsParsing.Defaults;
}
