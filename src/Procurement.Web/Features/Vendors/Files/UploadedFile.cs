using Microsoft.Extensions.Options;
using Procurement.Infrastructure.Uploads;

namespace Procurement.Features.Vendors.Files;

/// <summary>An upload read into memory (bounded by the size limit), marked as price envelope or not.</summary>
public sealed record UploadedFile(string FileName, byte[] Content, bool PriceEnvelope = false);

public sealed class VendorFileOptions
{
    /// <summary>Procurement:FileStore — a folder for uploaded files; empty keeps them in PostgreSQL.</summary>
    public string? FileStore { get; set; }

    /// <summary>Procurement:MaxFileMegabytes — the per-file limit.</summary>
    public int MaxFileMegabytes { get; set; } = 20;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;

    /// <summary>The request limit of the upload pages: a handful of files at the default limit.</summary>
    public const long MaxRequestBytes = 110L * 1024 * 1024;
}

/// <summary>The allow-list and limits every upload passes before anything is stored.</summary>
public sealed class UploadedFileValidator : AbstractValidator<UploadedFile>
{
    public UploadedFileValidator(UiText t, IOptions<VendorFileOptions> options)
    {
        var max = options.Value.MaxFileBytes;
        RuleFor(f => f.FileName).NotEmpty().WithMessage(t["ファイル名がありません。"]).MaximumLength(200).WithMessage(t["ファイル名は200文字以内にしてください。"]);
        RuleFor(f => f.Content).Must(c => c.Length > 0)
            .WithMessage(f => t.Format("{0} は空のファイルです。", f.FileName));
        RuleFor(f => f.Content).Must(c => c.Length <= max)
            .WithMessage(f => t.Format("{0} は{1}MBを超えています（1ファイル{1}MBまで）。", f.FileName, options.Value.MaxFileMegabytes));
        // A zip bomb is named as such rather than as "not a Word file"; neither check runs on an empty or oversized file.
        RuleFor(f => f).Custom((f, context) =>
        {
            if (f.Content.Length == 0 || f.Content.Length > max) return;
            if (ZipBombGuard.Check(f.Content) is { } bomb)
            {
                context.AddFailure(t.Format("{0}: {1}", f.FileName, bomb.Say(t)));
            }
            else if (!ContentMatchesExtension(f))
            {
                context.AddFailure(t.Format("{0} はPDF・Word（.docx）・Excel（.xlsx）のいずれでもないか、拡張子と中身が一致しません。", f.FileName));
            }
        });
    }

    private static bool ContentMatchesExtension(UploadedFile f) =>
        FileContent.Detect(f.Content) is { } kind
        && string.Equals(Path.GetExtension(f.FileName), FileContent.ExtensionOf(kind), StringComparison.OrdinalIgnoreCase);
}
