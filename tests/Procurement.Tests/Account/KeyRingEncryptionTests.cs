using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Features.Demo;
using Procurement.Infrastructure.Auth;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Account;

/// <summary>
/// With Procurement:DataProtection:CertificatePath set, the key ring is stored encrypted with that certificate and a
/// restarted app (same database, same certificate) still accepts the sign-in cookie it issued.
/// </summary>
public sealed class KeyRingEncryptionTests : IDisposable
{
    private const string Password = "pfx-pass-2026";
    private readonly string _folder = Directory.CreateTempSubdirectory("keyring-cert-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=procurement key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    [Fact]
    public async Task Keys_are_stored_encrypted_and_a_restarted_app_decrypts_them_with_the_certificate()
    {
        var settings = new Dictionary<string, string> { [KeyRingCertificate.PathSetting] = CreateCertificate(), [KeyRingCertificate.PasswordSetting] = Password };
        string cookieHeader;
        var cs = await TestDatabase.CreateAsync(nameof(KeyRingEncryptionTests));

        await using (var withCertificate = new AppFactory(cs, settings))
        {
            // The first key is made when the host starts, so the database must be new to this certificate-protected app.
            using (var scope = withCertificate.Services.CreateScope())
            {
                await DemoData.SeedAsync(scope.ServiceProvider.GetRequiredService<IDocumentStore>(), withCertificate.Clock,
                    scope.ServiceProvider.GetRequiredService<PasswordService>());
            }
            var client = await withCertificate.SignInAsync("officer1");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
            cookieHeader = string.Join("; ", withCertificate.LastSignInCookies);

            await using var session = withCertificate.Store.QuerySession();
            var stored = await session.Query<DataProtectionKey>().ToListAsync();
            Assert.NotEmpty(stored);
            Assert.All(stored, k =>
            {
                Assert.Contains("EncryptedData", k.Xml, StringComparison.Ordinal);
                Assert.Contains(nameof(KeyRingCertificateDecryptor), k.Xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<value>", k.Xml, StringComparison.Ordinal); // the plain key material
            });
        }

        await using var restarted = new AppFactory(cs, settings);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookieHeader);
        Assert.Equal(HttpStatusCode.OK, (await restarted.Anonymous().SendAsync(request)).StatusCode);
    }

    [Fact]
    public void A_missing_certificate_file_is_named_in_the_error()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [KeyRingCertificate.PathSetting] = Path.Combine(_folder, "missing.pfx") }).Build();
        using var certificate = new KeyRingCertificate(configuration);
        var error = Assert.Throws<InvalidOperationException>(() => certificate.Certificate);
        Assert.Contains("missing.pfx", error.Message, StringComparison.Ordinal);
        Assert.Null(new KeyRingCertificate(new ConfigurationBuilder().Build()).Certificate);
    }

    [Fact]
    public void A_wrong_password_names_the_settings_and_never_the_password()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [KeyRingCertificate.PathSetting] = CreateCertificate(), [KeyRingCertificate.PasswordSetting] = "wrong-secret-value",
        }).Build();
        using var certificate = new KeyRingCertificate(configuration);
        var error = Assert.Throws<InvalidOperationException>(() => certificate.Certificate);
        Assert.Contains(KeyRingCertificate.PasswordSetting, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-value", error.Message, StringComparison.Ordinal);
    }
}
