using System.Reflection;
using Mediator;
using Procurement.Infrastructure;
using Procurement.Infrastructure.Auth;

namespace Procurement.Tests.Authorisation;

/// <summary>Every request type declares who may send it, and the rule model keeps external users out of internal work.</summary>
public sealed class AccessRuleTests
{
    private static readonly Assembly Web = typeof(ProcurementServices).Assembly;

    public static IReadOnlyList<Type> RequestTypes { get; } = Web.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();

    private static readonly HashSet<string> Audiences = [.. Roles.All, .. Roles.External, Access.Anonymous, Access.Internal, Access.System];

    [Fact]
    public void The_web_assembly_has_request_types_to_check()
    {
        Assert.True(RequestTypes.Count > 60, $"only {RequestTypes.Count} request types found");
    }

    [Fact]
    public void Every_request_type_has_an_access_rule_naming_known_roles()
    {
        var missing = RequestTypes.Where(t => Access.RuleOf(t) is null).Select(t => t.FullName).ToList();
        Assert.True(missing.Count == 0, "no [Access] rule: " + string.Join(", ", missing));

        var unknown = RequestTypes.SelectMany(t => Access.RuleOf(t)!.Allowed.Concat(Access.RuleOf(t)!.MembershipWaivedFor)
            .Where(r => !Audiences.Contains(r)).Select(r => $"{t.Name}: {r}")).ToList();
        Assert.True(unknown.Count == 0, "unknown role in a rule: " + string.Join(", ", unknown));
        Assert.DoesNotContain(RequestTypes, t => Access.RuleOf(t)!.Allowed.Count == 0);
    }

    [Fact]
    public void A_request_that_names_a_case_or_a_group_asks_for_membership()
    {
        bool Has(Type t, string name) => t.GetProperty(name)?.PropertyType == typeof(Guid);
        var caseWithout = RequestTypes.Where(t => Has(t, "CaseId") && !typeof(ICaseRequest).IsAssignableFrom(t)).Select(t => t.Name).ToList();
        var groupWithout = RequestTypes.Where(t => Has(t, "GroupId") && !typeof(IGroupRequest).IsAssignableFrom(t)).Select(t => t.Name).ToList();
        Assert.True(caseWithout.Count == 0, "CaseId without ICaseRequest: " + string.Join(", ", caseWithout));
        Assert.True(groupWithout.Count == 0, "GroupId without IGroupRequest: " + string.Join(", ", groupWithout));
    }

    [Fact]
    public void No_request_is_open_to_anonymous_users_or_to_external_roles_yet()
    {
        // Sign-in and first run are pages, not requests; a vendor portal would add its rules here on purpose.
        Assert.DoesNotContain(RequestTypes, t => Access.RuleOf(t)!.Allowed.Contains(Access.Anonymous));
        Assert.DoesNotContain(RequestTypes, t => Access.RuleOf(t)!.Allowed.Any(Roles.External.Contains));
    }

    private static readonly AccessAttribute OfficerRule = new(Roles.Officer, Roles.Admin);
    private static readonly AccessAttribute InternalRule = new(Access.Internal);
    private static readonly AccessAttribute VendorRule = new(Roles.Vendor);
    private static readonly AccessAttribute SystemRule = new(Access.System);

    private static FixedCurrentUser User(params string[] roles) => new(Guid.NewGuid(), "利用者", roles);

    [Fact]
    public void Roles_admit_their_holders_only()
    {
        Assert.True(Access.Allows(OfficerRule, User(Roles.Officer)));
        Assert.True(Access.Allows(OfficerRule, User(Roles.Admin)));
        Assert.False(Access.Allows(OfficerRule, User(Roles.Committee)));
        Assert.True(Access.Allows(InternalRule, User()));
        Assert.False(Access.Allows(InternalRule, new FixedCurrentUser(Guid.Empty, "", Roles.Officer)), "not signed in");
    }

    [Fact]
    public void An_external_user_never_passes_an_internal_rule_even_holding_an_internal_role()
    {
        Assert.False(Access.Allows(OfficerRule, User(Roles.Vendor, Roles.Officer)));
        Assert.False(Access.Allows(InternalRule, User(Roles.Vendor)));
        Assert.True(Access.Allows(VendorRule, User(Roles.Vendor)));
        Assert.False(Access.Allows(VendorRule, User(Roles.Officer)));
        Assert.DoesNotContain(Roles.Vendor, Roles.All); // an administrator cannot grant it from the user form yet
    }

    [Fact]
    public void The_system_user_passes_only_system_rules_and_people_never_pass_them()
    {
        Assert.True(Access.Allows(SystemRule, new SystemUser()));
        Assert.False(Access.Allows(OfficerRule, new SystemUser()));
        Assert.False(Access.Allows(InternalRule, new SystemUser()));
        Assert.False(Access.Allows(SystemRule, User(Roles.Admin)));
        Assert.False(Access.NeedsMembership(SystemRule, new SystemUser()));
    }
}
