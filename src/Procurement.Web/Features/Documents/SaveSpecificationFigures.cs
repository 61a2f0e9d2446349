using Procurement.Features.Catalog;
using Procurement.Features.Contracts.Drafting;
using Procurement.Features.Sla;

namespace Procurement.Features.Documents;

/// <summary>The figures the 調達仕様書 states for one case, as saved (the specification's defaults until the first save).</summary>
public sealed record SpecificationFigures(
    string Department, int Terminals, int ResponseSeconds, int RtoHours, string Rpo, int BackupRetentionYears,
    int MigrationRehearsals, int TrainingSessions, IReadOnlyList<SpecificMigration> SpecificMigrations)
{
    public static SpecificationFigures Defaults { get; } = From(SpecificationInfo.Defaults);

    public static SpecificationFigures From(SpecificationInfo s) => new(
        s.Department, s.Terminals, s.ResponseSeconds, s.RtoHours, s.Rpo, s.BackupRetentionYears, s.MigrationRehearsals, s.TrainingSessions, s.SpecificMigrations);

    /// <summary>The specification's section with these figures (service hours stay as the SLA or the default says).</summary>
    public SpecificationInfo ApplyTo(SpecificationInfo s) => s with
    {
        Department = Department, Terminals = Terminals, ResponseSeconds = ResponseSeconds, RtoHours = RtoHours, Rpo = Rpo,
        BackupRetentionYears = BackupRetentionYears, MigrationRehearsals = MigrationRehearsals, TrainingSessions = TrainingSessions,
        SpecificMigrations = SpecificMigrations, Defaulted = false,
    };
}

/// <summary>A target 業務 put on the 特定移行支援 path: the reason is mandatory, the date by which it becomes a 標準準拠システム optional.</summary>
public sealed record SpecificMigrationInput(string BusinessCode, string Reason, DateOnly? TargetDate);

/// <summary>
/// An officer saves the 調達仕様書's figures of a case: the complete set, replacing the previous one.
/// <paramref name="ExpectedRevision"/> is the figures' revision the form was loaded at (0 when none were saved).
/// Numbers are null when the text typed was not a whole number.
/// </summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record SaveSpecificationFigures(
    Guid CaseId, long ExpectedRevision, string Department, int? Terminals, int? ResponseSeconds, int? RtoHours, string Rpo,
    int? BackupRetentionYears, int? MigrationRehearsals, int? TrainingSessions, IReadOnlyList<SpecificMigrationInput> SpecificMigrations)
    : ICommand<long>, ICaseRequest;

public sealed class SaveSpecificationFiguresValidator : AbstractValidator<SaveSpecificationFigures>
{
    public SaveSpecificationFiguresValidator(UiText t)
    {
        RuleFor(c => c.CaseId).NotEmpty().WithMessage(t["案件を指定してください。"]);
        RuleFor(c => c.Department).Text(t, t["担当部署"], 100);
        Range(c => c.Terminals, 1, 100_000, t["端末台数"]);
        Range(c => c.ResponseSeconds, 1, 60, t["レスポンス目標（秒）"]);
        Range(c => c.RtoHours, 1, 720, t["目標復旧時間（RTO、時間）"]);
        RuleFor(c => c.Rpo).Text(t, t["目標復旧時点（RPO）"], 100);
        Range(c => c.BackupRetentionYears, 1, 30, t["バックアップの保存年数"]);
        Range(c => c.MigrationRehearsals, 1, 10, t["移行リハーサルの回数"]);
        Range(c => c.TrainingSessions, 1, 50, t["研修の回数"]);
        RuleFor(c => c.SpecificMigrations).Must(m => m.Select(x => x.BusinessCode).Distinct().Count() == m.Count)
            .WithMessage(t["同じ業務が2回指定されています。"]);
        RuleForEach(c => c.SpecificMigrations).ChildRules(m =>
        {
            m.RuleFor(x => x.Reason)
                .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage(x => t.Format("{0}を特定移行支援とする理由を入力してください。", NameOf(x.BusinessCode)))
                .Must(r => r is null || r.Trim().Length <= 400).WithMessage(x => t.Format("{0}を特定移行支援とする理由は400文字以内で入力してください。", NameOf(x.BusinessCode)))
                .Must(r => !XmlText.HasInvalidCharacters(r)).WithMessage(x => t.Format("{0}を特定移行支援とする理由に使用できない制御文字が含まれています。", NameOf(x.BusinessCode)));
        });

        void Range(System.Linq.Expressions.Expression<Func<SaveSpecificationFigures, int?>> field, int min, int max, string label) =>
            RuleFor(field).Must(v => v is { } n && n >= min && n <= max).WithMessage(t.Format("{0}は{1}から{2}までの整数で入力してください。", label, min, max));
    }

    private static string NameOf(string code) => BusinessCatalog.Find(code)?.Name ?? code;
}

public static class SaveSpecificationFiguresDecision
{
    /// <summary>
    /// The figures to store, or nothing when they equal the saved ones (no history entry). 特定移行支援 applies only to a
    /// 標準化 業務 the case targets: anything else is refused, naming the 業務.
    /// </summary>
    public static Decision Decide(CaseSummary @case, SpecificationFigures? current, SaveSpecificationFigures c, Actor by, DateTimeOffset at)
    {
        foreach (var m in c.SpecificMigrations)
        {
            var business = BusinessCatalog.Find(m.BusinessCode);
            if (business is null || !@case.TargetBusinesses.Contains(m.BusinessCode))
            {
                return Decision.Refuse("業務「{0}」はこの案件の対象業務ではありません。", business?.Name ?? m.BusinessCode);
            }
            if (!business.Standardised) return Decision.Refuse("{0}は標準化対象事務ではないため、特定移行支援の対象になりません。", business.Name);
        }
        var figures = new SpecificationFigures(
            c.Department.Trim(), c.Terminals!.Value, c.ResponseSeconds!.Value, c.RtoHours!.Value, c.Rpo.Trim(), c.BackupRetentionYears!.Value,
            c.MigrationRehearsals!.Value, c.TrainingSessions!.Value,
            c.SpecificMigrations.Select(m => new SpecificMigration(m.BusinessCode, m.Reason.Trim(), m.TargetDate))
                .OrderBy(m => @case.TargetBusinesses.ToList().IndexOf(m.BusinessCode)).ToList());
        return current is not null && Contracts.DossierRules.SameContent(current, figures)
            ? Decision.Nothing
            : Decision.Append(new SpecificationFiguresSaved(@case.Id, figures, by, at));
    }
}

public sealed class SaveSpecificationFiguresHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock, UiText t)
    : ICommandHandler<SaveSpecificationFigures, long>
{
    public async ValueTask<long> Handle(SaveSpecificationFigures command, CancellationToken cancellationToken)
    {
        var (c, ct) = (command, cancellationToken);
        var @case = await session.LoadAsync<CaseSummary>(c.CaseId, ct) ?? throw new DomainRuleException(t["案件が見つかりません。"]);
        // The figures' own revision decides staleness (generating documents moves the case stream without touching them).
        long revision = 0;
        var saved = false;
        await session.WriteAsync<CaseDocumentsView>(c.CaseId, view =>
        {
            revision = view?.SpecificationRevision ?? 0;
            if (revision != c.ExpectedRevision) throw new StaleVersionException();
            var decision = SaveSpecificationFiguresDecision.Decide(@case, view?.Specification, c, user.Actor, clock.GetUtcNow());
            saved = decision.Events.Count > 0;
            return decision;
        }, ct);
        return saved ? revision + 1 : revision;
    }
}

/// <summary>The case's own figures replace the specification's defaults in every generated 調達仕様書.</summary>
public sealed class SpecificationDocumentSource(IQuerySession session) : IDocumentSectionSource
{
    public async ValueTask<DocumentSections> ContributeAsync(Guid caseId, DocumentSections current, CancellationToken ct)
    {
        var figures = (await session.LoadAsync<CaseDocumentsView>(caseId, ct))?.Specification;
        return figures is null ? current : current with { Specification = figures.ApplyTo(current.Specification ?? SpecificationInfo.Defaults) };
    }
}
