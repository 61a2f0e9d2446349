using System.Net;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Vendors.VendorTestKit;

namespace Procurement.Tests.Vendors;

/// <summary>Procurement:FileStore set: files go to the folder, not the database, and the hash check still guards downloads.</summary>
public sealed class FolderFileStoreTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "procurement-files-" + Guid.NewGuid().ToString("N")[..8]);
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = await StartWithSettingsAsync(nameof(FolderFileStoreTests), new Dictionary<string, string> { ["Procurement:FileStore"] = _folder });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Files_are_written_to_the_folder_and_a_changed_file_is_refused()
    {
        var officer = await _app.SignInAsync("officer1");
        var vendor = await officer.RegisterVendorAsync("フォルダ保存株式会社", "7000012050002");
        await officer.SetPeriodAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitProposalAsync(vendor, "2026-11-20T09:00", ("Submit.Files", "提案書.docx", Docx()))).StatusCode);

        var file = (await _app.ViewAsync()).CurrentProposals.Single().Files.Single();
        var path = Path.Combine(_folder, file.FileId.ToString("N"));
        Assert.Equal(file.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(path))));
        Assert.Equal(0, await _app.StoredFileCountAsync());
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(Url($"/Files/{file.FileId}"))).StatusCode);

        await File.WriteAllBytesAsync(path, Docx("差し替えられた内容"));
        Assert.Equal(HttpStatusCode.Conflict, (await officer.GetAsync(Url($"/Files/{file.FileId}"))).StatusCode);
    }
}
