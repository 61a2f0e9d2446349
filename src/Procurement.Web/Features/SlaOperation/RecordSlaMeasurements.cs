using System.Security.Cryptography;
using Procurement.Features.Contracts;
using Procurement.Features.Sla;
using Procurement.Infrastructure.Uploads;

namespace Procurement.Features.SlaOperation;

/// <summary>A vendor's SLA report as it was received; its SHA-256 is in the event, and downloads check it.</summary>
public sealed class SlaReportFile
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public string Sha256 { get; set; } = "";
}

public sealed record ReportUpload(string FileName, byte[] Content);

/// <summary>
/// Records (or re-records) the measurements of a month or quarter. <paramref name="ExpectedVersion"/> is the SLA version the
/// page was loaded at (null: not checked): a month recorded by someone else since is not overwritten; other months are
/// independent records.
/// </summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record RecordSlaMeasurementsCommand(Guid CaseId, DateOnly? PeriodStart, int Months, IReadOnlyList<ItemMeasurement> Results, ReportUpload? Report,
    long? ExpectedVersion = null) : ICommand, ICaseRequest;

/// <summary>The year's payment is one record; <paramref name="ExpectedVersion"/> as for the measurements.</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record SetSlaAnnualPaymentCommand(Guid CaseId, int FiscalYear, long? AnnualPayment, long? ExpectedVersion = null) : ICommand, ICaseRequest;

public sealed class RecordSlaMeasurementsValidator : AbstractValidator<RecordSlaMeasurementsCommand>
{
    public const int MaxReportBytes = 20 * 1024 * 1024;

    public RecordSlaMeasurementsValidator(UiText t)
    {
        RuleFor(c => c.PeriodStart).NotNull().WithMessage(t["対象月を入力してください。"]);
        RuleFor(c => c.Months).Must(m => m is 1 or 3).WithMessage(t["期間は月次か四半期を選択してください。"]);
        RuleFor(c => c.Results).NotEmpty().WithMessage(t["測定結果を入力してください。"]);
        RuleForEach(c => c.Results).ChildRules(r =>
        {
            r.RuleFor(x => x.Measured).NotEmpty().WithMessage(t["測定値を入力してください。"]).MaximumLength(100).WithMessage(t.Format("{0}文字以内で入力してください。", 100));
            r.RuleFor(x => x.Note).MaximumLength(500).WithMessage(t.Format("{0}文字以内で入力してください。", 500));
        });
        RuleFor(c => c.Report).Cascade(CascadeMode.Stop)
            .Must(r => r is null || r.Content.Length > 0).WithMessage(t["報告書ファイルが空です。"])
            .Must(r => r is null || r.Content.Length <= MaxReportBytes).WithMessage(t.Format("報告書ファイルは{0}MBまでです。", MaxReportBytes / 1024 / 1024))
            .Must(r => r is null || ZipBombGuard.Check(r.Content) is null).WithMessage(c => t.Format("報告書ファイル: {0}", ZipBombGuard.Check(c.Report!.Content)!.Say(t)))
            .Must(r => r is null || r.Content.Length == 0 || ReportFormat.Detect(r.Content) is not null).WithMessage(t["報告書はPDF・Word（.docx）・Excel（.xlsx）のいずれかにしてください（内容で判定します）。"]);
    }
}

/// <summary>Known by content, not by the name: a renamed executable is not a PDF.</summary>
public static class ReportFormat
{
    public static string? Detect(byte[] content)
    {
        if (content.AsSpan().StartsWith("%PDF-"u8)) return "application/pdf";
        if (!content.AsSpan().StartsWith("PK\x03\x04"u8)) return null;
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content), System.IO.Compression.ZipArchiveMode.Read);
            if (zip.GetEntry("[Content_Types].xml") is null) return null;
            if (zip.Entries.Any(e => e.FullName.StartsWith("word/", StringComparison.Ordinal))) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            if (zip.Entries.Any(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal))) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        catch (InvalidDataException) { }
        return null;
    }

    /// <summary>As <see cref="Detect(byte[])"/>, and a .csv that is UTF-8 text without NUL bytes (a vendor's report table).</summary>
    public static string? Detect(byte[] content, string fileName)
    {
        if (Detect(content) is { } known) return known;
        if (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || content.AsSpan().Contains((byte)0)) return null;
        try
        {
            _ = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(content);
            return "text/csv";
        }
        catch (System.Text.DecoderFallbackException)
        {
            return null;
        }
    }
}

public static class SlaOperationRules
{
    /// <summary>The SLA the evaluation runs against: the latest approved draft, else the one being drafted.</summary>
    public static SlaDefinition? AgreedSla(ContractDossier? dossier) => dossier?.LatestApproved?.Inputs.Sla ?? dossier?.Sla;
}

public sealed class SlaOperationHandlers(IDocumentSession session, ICurrentUser user, TimeProvider clock, UiText t)
    : ICommandHandler<RecordSlaMeasurementsCommand>, ICommandHandler<SetSlaAnnualPaymentCommand>
{
    public async ValueTask<Unit> Handle(RecordSlaMeasurementsCommand command, CancellationToken cancellationToken)
    {
        var sla = SlaOperationRules.AgreedSla(await session.LoadAsync<ContractDossier>(ContractStreams.DossierId(command.CaseId), cancellationToken))
            ?? throw new DomainRuleException(t["SLAがまだ定義されていません。契約・SLAの画面でSLAを作成してください。"]);
        var keys = sla.Items.Select(SlaEvaluation.KeyOf).ToHashSet();
        if (command.Results.Any(r => !keys.Contains(r.ItemKey))) throw new DomainRuleException(t["SLAにない項目が含まれています。画面を再読み込みしてください。"]);

        Guid? fileId = null;
        string? hash = null;
        if (command.Report is { } report)
        {
            fileId = Guid.NewGuid();
            hash = Convert.ToHexStringLower(SHA256.HashData(report.Content));
        }
        var start = new DateOnly(command.PeriodStart!.Value.Year, command.PeriodStart.Value.Month, 1);
        await session.WriteAsync<SlaOperationView>(command.CaseId, view =>
        {
            EventStreamWriter.RequireUnchangedSince(command.ExpectedVersion, view?.PeriodWrittenAt(start, command.Months) ?? 0);
            return [new SlaMeasurementsRecorded(command.CaseId, start, command.Months,
                command.Results.Select(r => r with { Measured = r.Measured.Trim(), Note = r.Note.Trim() }).ToList(),
                fileId, command.Report is null ? null : Path.GetFileName(command.Report.FileName), hash, user.Actor, clock.GetUtcNow())];
        }, cancellationToken, alongside: _ =>
        {
            // The file is stored with the event that names it, in the same transaction, and only then.
            if (command.Report is not { } report) return;
            var name = Path.GetFileName(report.FileName);
            session.Store(new SlaReportFile
            {
                Id = fileId!.Value, CaseId = command.CaseId, FileName = name.Length > 200 ? name[..200] : name,
                ContentType = ReportFormat.Detect(report.Content)!, Content = report.Content, Sha256 = hash!,
            });
        });
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(SetSlaAnnualPaymentCommand command, CancellationToken cancellationToken)
    {
        if (command.AnnualPayment is not { } payment || payment < 0 || payment > 1_000_000_000_000)
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("AnnualPayment", t["年間支払額は0円以上1兆円以下の整数で入力してください。"])]);
        await session.WriteAsync<SlaOperationView>(command.CaseId, view =>
        {
            EventStreamWriter.RequireUnchangedSince(command.ExpectedVersion, view?.PaymentVersions.GetValueOrDefault(command.FiscalYear) ?? 0);
            return [new SlaAnnualPaymentSet(command.CaseId, command.FiscalYear, payment, user.Actor, clock.GetUtcNow())];
        }, cancellationToken);
        return Unit.Value;
    }
}
