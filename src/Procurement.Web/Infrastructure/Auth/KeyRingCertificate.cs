using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Procurement.Infrastructure.Auth;

/// <summary>
/// The certificate that encrypts the data-protection key ring at rest, from Procurement:DataProtection:CertificatePath
/// (a .pfx with its private key) and CertificatePassword. Without it the keys are stored as plain XML in the database,
/// which is acceptable for the embedded single-machine default but not for a shared or managed database.
/// Loaded once, when the key ring is first used, so the settings may come from any configuration source.
/// </summary>
public sealed class KeyRingCertificate(IConfiguration configuration) : IDisposable
{
    public const string PathSetting = "Procurement:DataProtection:CertificatePath";
    public const string PasswordSetting = "Procurement:DataProtection:CertificatePassword";

    private readonly Lazy<X509Certificate2?> _certificate = new(() => Load(configuration));

    public X509Certificate2? Certificate => _certificate.Value;

    private static X509Certificate2? Load(IConfiguration configuration)
    {
        if (configuration[PathSetting] is not { Length: > 0 } path) return null;
        if (!File.Exists(path)) throw new InvalidOperationException($"{PathSetting}: the certificate file {path} does not exist.");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordSetting]);
        }
        catch (CryptographicException ex)
        {
            // Name the settings, never the password.
            throw new InvalidOperationException($"{PathSetting}: {path} could not be opened ({ex.Message}); check the file and {PasswordSetting}.", ex);
        }
        // Decrypting the keys after a restart needs the private key, so refuse a certificate without one before any key is written.
        if (!certificate.HasPrivateKey) throw new InvalidOperationException($"{PathSetting}: the certificate in {path} has no private key.");
        return certificate;
    }

    public void Dispose()
    {
        if (_certificate.IsValueCreated) _certificate.Value?.Dispose();
    }
}

/// <summary>Encrypts each new key with the configured certificate and names <see cref="KeyRingCertificateDecryptor"/> to read it back.</summary>
public sealed class KeyRingCertificateEncryptor(X509Certificate2 certificate, ILoggerFactory loggers) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var encrypted = new CertificateXmlEncryptor(certificate, loggers).Encrypt(plaintextElement);
        return new EncryptedXmlInfo(encrypted.EncryptedElement, typeof(KeyRingCertificateDecryptor));
    }
}

/// <summary>
/// Decrypts keys with the configured certificate itself rather than a machine certificate store (there is none to rely
/// on in a container or on a fresh Linux host). The data-protection system creates it with the service provider.
/// </summary>
public sealed class KeyRingCertificateDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var certificate = services.GetRequiredService<KeyRingCertificate>().Certificate
            ?? throw new InvalidOperationException($"The key ring is encrypted with a certificate: set {KeyRingCertificate.PathSetting}.");
        var document = new XmlDocument { PreserveWhitespace = true };
        document.Load(encryptedElement.CreateReader());
        new WithCertificate(document, certificate).DecryptDocument();
        return XElement.Parse(document.DocumentElement!.OuterXml);
    }

    private sealed class WithCertificate(XmlDocument document, X509Certificate2 certificate) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            using var rsa = certificate.GetRSAPrivateKey() ?? throw new CryptographicException("The key-ring certificate has no RSA private key.");
            return DecryptKey(encryptedKey.CipherData.CipherValue!, rsa, encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl);
        }
    }
}
