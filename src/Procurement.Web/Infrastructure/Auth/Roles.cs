namespace Procurement.Infrastructure.Auth;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Officer = "ProcurementOfficer";
    public const string Committee = "CommitteeMember";
    public const string Legal = "LegalStaff";

    public static readonly string[] All = [Admin, Officer, Committee, Legal];

    public static string DisplayName(string role) => role switch
    {
        Admin => "システム管理者",
        Officer => "調達担当",
        Committee => "選定委員",
        Legal => "契約・法務担当",
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
