using System.Security.Cryptography;
using System.Text;

namespace Procurement.Features.Evaluation;

/// <summary>
/// Stream ids derived from the case (and member), so a handler finds a stream without a lookup and two
/// members can never end up writing to the same sheet.
/// </summary>
public static class EvaluationStreams
{
    public static Guid Evaluation(Guid caseId) => NameBased($"evaluation:{caseId:N}");

    public static Guid ScoreSheet(Guid caseId, Guid memberId) => NameBased($"score-sheet:{caseId:N}:{memberId:N}");

    // RFC 4122 version 5 layout over SHA-1; SHA-1 is fine here: ids, not secrets.
#pragma warning disable CA5350
    private static Guid NameBased(string name)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes("procurement/" + name));
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
