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

public static class SlaOperationDecision
{
    /// <summary>Measurements typed as results, against the agreed <paramref name="sla"/> (null: none yet).</summary>
    public static Decision Decide(SlaDefinition? sla, RecordSlaMeasurementsCommand c, (Guid Id, string Name, string Sha256)? report, Actor by, DateTimeOffset at)
    {
        if (sla is null) return Decision.Refuse("SLAがまだ定義されていません。契約・SLAの画面でSLAを作成してください。");
        var keys = sla.Items.Select(SlaEvaluation.KeyOf).ToHashSet();
        if (c.Results.Any(r => !keys.Contains(r.ItemKey))) return Decision.Refuse("SLAにない項目が含まれています。画面を再読み込みしてください。");
        var start = new DateOnly(c.PeriodStart!.Value.Year, c.PeriodStart.Value.Month, 1);
        return Decision.Append(new SlaMeasurementsRecorded(c.CaseId, start, c.Months,
            c.Results.Select(r => r with { Measured = r.Measured.Trim(), Note = r.Note.Trim() }).ToList(), report?.Id, report?.Name, report?.Sha256, by, at));
    }

    /// <summary>The year's payment, from which the penalty is computed.</summary>
    public static Decision Decide(SetSlaAnnualPaymentCommand c, Actor by, DateTimeOffset at) =>
        c.AnnualPayment is not { } payment || payment < 0 || payment > 1_000_000_000_000
            ? Decision.Refuse("年間支払額は0円以上1兆円以下の整数で入力してください。")
            : Decision.Append(new SlaAnnualPaymentSet(c.CaseId, c.FiscalYear, payment, by, at));
}

public sealed class SlaOperationHandlers(IDocumentSession session, ICurrentUser user, TimeProvider clock, UiText t)
    : ICommandHandler<RecordSlaMeasurementsCommand>, ICommandHandler<SetSlaAnnualPaymentCommand>
{
    public async ValueTask<Unit> Handle(RecordSlaMeasurementsCommand command, CancellationToken cancellationToken)
    {
        var sla = SlaOperationRules.AgreedSla(await session.LoadAsync<ContractDossier>(ContractStreams.DossierId(command.CaseId), cancellationToken));
        (Guid Id, string Name, string Sha256)? report = null;
        if (command.Report is { } r)
        {
            // The name as the event records it; the stored file keeps it shortened to 200 characters.
            report = (Guid.NewGuid(), Path.GetFileName(r.FileName), Convert.ToHexStringLower(SHA256.HashData(r.Content)));
        }
        var start = command.PeriodStart is { } s ? new DateOnly(s.Year, s.Month, 1) : default;
        await session.WriteAsync<SlaOperationView>(command.CaseId, view =>
        {
            EventStreamWriter.RequireUnchangedSince(command.ExpectedVersion, view?.PeriodWrittenAt(start, command.Months) ?? 0);
            return SlaOperationDecision.Decide(sla, command, report, user.Actor, clock.GetUtcNow());
        }, cancellationToken, alongside: _ =>
        {
            // The file is stored with the event that names it, in the same transaction, and only then.
            if (command.Report is not { } upload || report is not { } stored) return;
            session.Store(new SlaReportFile
            {
                Id = stored.Id, CaseId = command.CaseId, FileName = stored.Name.Length > 200 ? stored.Name[..200] : stored.Name,
                ContentType = ReportFormat.Detect(upload.Content)!, Content = upload.Content, Sha256 = stored.Sha256,
            });
        });
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(SetSlaAnnualPaymentCommand command, CancellationToken cancellationToken)
    {
        var decision = SlaOperationDecision.Decide(command, user.Actor, clock.GetUtcNow());
        // The refusal is about the 年間支払額 field, so it is shown there.
        if (decision.IsRefused) throw new ValidationException([new FluentValidation.Results.ValidationFailure("AnnualPayment", decision.RefusalText(t))]);
        await session.WriteAsync<SlaOperationView>(command.CaseId, view =>
        {
            EventStreamWriter.RequireUnchangedSince(command.ExpectedVersion, view?.PaymentVersions.GetValueOrDefault(command.FiscalYear) ?? 0);
            return decision;
        }, cancellationToken);
        return Unit.Value;
    }
}
