namespace Procurement.Infrastructure.Auth;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Officer = "ProcurementOfficer";
    public const string Committee = "CommitteeMember";
    public const string Legal = "LegalStaff";

    /// <summary>The internal roles an administrator grants.</summary>
    public static readonly string[] All = [Admin, Officer, Committee, Legal];

    /// <summary>
    /// A supplier's own account (not granted yet). External roles are never internal: an access rule lets an external
    /// user in only when it names an external role (<see cref="Access.Allows"/>), whatever else the account holds.
    /// </summary>
    public const string Vendor = "Vendor";

    public static readonly string[] External = [Vendor];

    public static string DisplayName(string role) => role switch
    {
        Admin => "システム管理者",
        Officer => "調達担当",
        Committee => "選定委員",
        Legal => "契約・法務担当",
        Vendor => "事業者",
        _ => role,
    };
}

public static class Policies
{
    public const string Admin = "Admin";
    public const string Officer = "Officer";
    public const string Committee = "Committee";
    public const string Legal = "Legal";
}
