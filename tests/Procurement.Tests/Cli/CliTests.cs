using Microsoft.Extensions.Configuration;
using Procurement.Cli;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Cli;

public sealed class CliTests
{
    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public async Task Config_show_prints_the_connection_without_its_password()
    {
        var output = new StringWriter();
        var config = Config(new()
        {
            ["ConnectionStrings:Procurement"] = "Host=db.example;Database=p;Username=u;Password=s3cret-value",
            ["Smtp:Password"] = "mail-secret",
            ["Smtp:Host"] = "smtp.example",
        });

        var code = await CliApp.RunAsync(["config", "show"], config, output, new StringWriter());

        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("Host=db.example", text, StringComparison.Ordinal);
        Assert.Contains("Smtp:Host = smtp.example", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", text, StringComparison.Ordinal);
        Assert.DoesNotContain("mail-secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_admin_makes_an_account_that_can_sign_in_and_refuses_a_duplicate()
    {
        var cs = await TestDatabase.CreateAsync(nameof(Create_admin_makes_an_account_that_can_sign_in_and_refuses_a_duplicate));
        var config = Config(new() { ["ConnectionStrings:Procurement"] = cs });
        Environment.SetEnvironmentVariable("PROCUREMENT_ADMIN_PASSWORD", "first-admin-pass");
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            Assert.Equal(0, await CliApp.RunAsync(["users", "create-admin", "--user", "chief"], config, output, error));
            Assert.Equal(1, await CliApp.RunAsync(["users", "create-admin", "--user", "chief"], config, output, error));
            Assert.Contains("既に使われています", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PROCUREMENT_ADMIN_PASSWORD", null);
        }

        await using var app = new AppFactory(cs);
        var client = await app.SignInAsync("chief", "first-admin-pass");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/Admin/Users")).StatusCode);
    }

    [Fact]
    public async Task Unknown_commands_print_the_list_and_fail()
    {
        var output = new StringWriter();

        var code = await CliApp.RunAsync(["frobnicate"], Config([]), output, new StringWriter());

        Assert.Equal(2, code);
        Assert.Contains("users create-admin", output.ToString(), StringComparison.Ordinal);
    }
}
