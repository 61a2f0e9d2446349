using System.Globalization;
using System.Runtime.CompilerServices;

namespace Procurement.Tests.Infrastructure;

internal static class TestCulture
{
    /// <summary>
    /// Decisions called directly (outside a request) speak the thread's UI language; pin it to Japanese, the app's
    /// default, so a developer whose LANG is en_US gets the same results as CI. Tests of English switch it themselves.
    /// </summary>
#pragma warning disable CA2255 // the test assembly is the program here; this is what the attribute is for
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void UseJapanese()
    {
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");
    }
}
