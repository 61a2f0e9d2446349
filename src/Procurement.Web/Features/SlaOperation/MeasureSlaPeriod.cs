using System.Security.Cryptography;
using Procurement.Features.Contracts;
using Procurement.Features.Sla;
using Procurement.Infrastructure.Uploads;

namespace Procurement.Features.SlaOperation;

/// <summary>
/// Records a month or quarter measured from raw records (maintenance, outages, counts, values; typed or imported from
/// the vendor's report): the handler computes each item's value and 達成 against the agreed SLA and keeps records and
/// results in one event. <paramref name="ExpectedVersion"/> as for <see cref="RecordSlaMeasurementsCommand"/>.
/// </summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record MeasureSlaPeriodCommand(Guid CaseId, DateOnly? PeriodStart, int Months, PeriodRecords Records, ReportUpload? Report,
    string Source, long? ExpectedVersion = null) : ICommand, ICaseRequest;

public sealed class MeasureSlaPeriodValidator : AbstractValidator<MeasureSlaPeriodCommand>
{
    public MeasureSlaPeriodValidator(UiText t)
    {
        RuleFor(c => c.PeriodStart).NotNull().WithMessage(t["対象月を入力してください。"]);
        RuleFor(c => c.Months).Must(m => m is 1 or 3).WithMessage(t["期間は月次か四半期を選択してください。"]);
        RuleFor(c => c.Records.Maintenance.Count + c.Records.Outages.Count).LessThanOrEqualTo(SlaPeriodInput.MaxRows)
            .WithMessage(t.Format("行数が多すぎます（{0}行まで）。", SlaPeriodInput.MaxRows));
        RuleForEach(c => c.Records.Items).ChildRules(r =>
        {
            r.RuleFor(x => x.OverrideReason).Must((x, reason) => x.Override is null || !string.IsNullOrWhiteSpace(reason))
                .WithMessage(t["判定を変更する理由を入力してください。"]);
            r.RuleFor(x => x.Override).Must(o => o is null || SlaOverride.All.Contains(o)).WithMessage(t["判定の変更を選択し直してください。"]);
            r.RuleFor(x => x.OverrideReason).MaximumLength(500).WithMessage(t.Format("{0}文字以内で入力してください。", 500));
            r.RuleFor(x => x.Note).MaximumLength(500).WithMessage(t.Format("{0}文字以内で入力してください。", 500));
        });
        RuleFor(c => c.Report).Cascade(CascadeMode.Stop)
            .Must(r => r is null || r.Content.Length > 0).WithMessage(t["報告書ファイルが空です。"])
            .Must(r => r is null || r.Content.Length <= RecordSlaMeasurementsValidator.MaxReportBytes)
                .WithMessage(t.Format("報告書ファイルは{0}MBまでです。", RecordSlaMeasurementsValidator.MaxReportBytes / 1024 / 1024))
            .Must(r => r is null || ZipBombGuard.Check(r.Content) is null).WithMessage(c => t.Format("報告書ファイル: {0}", ZipBombGuard.Check(c.Report!.Content)!.Say(t)))
            .Must(r => r is null || ReportFormat.Detect(r.Content, r.FileName) is not null)
                .WithMessage(t["報告書はPDF・Word（.docx）・Excel（.xlsx）・CSVのいずれかにしてください（内容で判定します）。"]);
    }
}

public static class MeasureSlaPeriodDecision
{
    /// <summary>
    /// Each item's value and 達成 computed from the period's records against the agreed <paramref name="sla"/> (null: none
    /// yet); records and results are kept in one event. <paramref name="report"/> names the stored report file, if any.
    /// </summary>
    public static Decision Decide(SlaDefinition? sla, MeasureSlaPeriodCommand c, (Guid Id, string Name, string Sha256)? report, Actor by, DateTimeOffset at)
    {
        if (sla is null) return Decision.Refuse("SLAがまだ定義されていません。契約・SLAの画面でSLAを作成してください。");
        var keys = sla.Items.Select(SlaEvaluation.KeyOf).ToHashSet();
        if (c.Records.Items.Any(r => !keys.Contains(r.ItemKey))) return Decision.Refuse("SLAにない項目が含まれています。画面を再読み込みしてください。");

        var start = new DateOnly(c.PeriodStart!.Value.Year, c.PeriodStart.Value.Month, 1);
        var records = c.Records;
        var results = SlaMeasurement.Measure(sla, start, c.Months, records.Maintenance, records.Outages, records.Items);
        var figures = SlaMeasurement.Figures(sla, start, c.Months, records.Maintenance, records.Outages);
        return Decision.Append(new SlaMeasurementsRecorded(c.CaseId, start, c.Months, results, report?.Id, report?.Name, report?.Sha256, by, at)
        {
            Maintenance = records.Maintenance, Outages = records.Outages, Inputs = records.Items, Figures = figures, Source = c.Source,
        });
    }
}

public sealed class MeasureSlaPeriodHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<MeasureSlaPeriodCommand>
{
    public async ValueTask<Unit> Handle(MeasureSlaPeriodCommand command, CancellationToken cancellationToken)
    {
        var sla = SlaOperationRules.AgreedSla(await session.LoadAsync<ContractDossier>(ContractStreams.DossierId(command.CaseId), cancellationToken));
        (Guid Id, string Name, string Sha256)? report = null;
        if (command.Report is { } r)
        {
            var name = Path.GetFileName(r.FileName);
            report = (Guid.NewGuid(), name.Length > 200 ? name[..200] : name, Convert.ToHexStringLower(SHA256.HashData(r.Content)));
        }
        var start = command.PeriodStart is { } s ? new DateOnly(s.Year, s.Month, 1) : default;
        await session.WriteAsync<SlaOperationView>(command.CaseId, view =>
        {
            EventStreamWriter.RequireUnchangedSince(command.ExpectedVersion, view?.PeriodWrittenAt(start, command.Months) ?? 0);
            return MeasureSlaPeriodDecision.Decide(sla, command, report, user.Actor, clock.GetUtcNow());
        }, cancellationToken, alongside: _ =>
        {
            // The file is stored with the event that names it, in the same transaction, and only then.
            if (command.Report is not { } upload || report is not { } stored) return;
            session.Store(new SlaReportFile
            {
                Id = stored.Id, CaseId = command.CaseId, FileName = stored.Name,
                ContentType = ReportFormat.Detect(upload.Content, upload.FileName)!, Content = upload.Content, Sha256 = stored.Sha256,
            });
        });
        return Unit.Value;
    }
}
