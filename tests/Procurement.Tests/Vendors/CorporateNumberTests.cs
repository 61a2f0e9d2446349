using Procurement.Features.Vendors;

namespace Procurement.Tests.Vendors;

[Trait("Lane", "Fast")]
public sealed class CorporateNumberTests
{
    // Check digit = 9 − (Σ Pn × Qn mod 9); Pn counted from the right of the 12-digit base, Qn = 1 (odd n) / 2 (even n).
    [Theory]
    // 国税庁 (National Tax Agency) itself: base 000012050002, digits from the right 2,0,0,0,5,0,2,1,0…
    // Σ = 2×1 + 5×1 + 2×1 + 1×2 = 11; 11 mod 9 = 2; 9 − 2 = 7.
    [InlineData("7000012050002")]
    // トヨタ自動車: base 180301018771, from the right 1,7,7,8,1,0,1,0,3,0,8,1
    // Σ = 1 + 14 + 7 + 16 + 1 + 0 + 1 + 0 + 3 + 0 + 8 + 2 = 53; 53 mod 9 = 8; 9 − 8 = 1.
    [InlineData("1180301018771")]
    // base 000012090001, from the right 1,0,0,0,9,0,2,1: Σ = 1 + 9 + 2 + 2 = 14; 14 mod 9 = 5; 9 − 5 = 4.
    [InlineData("4000012090001")]
    // Σ mod 9 = 0 gives check digit 9: base 000000000009, Σ = 9 × 1 = 9; 9 mod 9 = 0; 9 − 0 = 9.
    [InlineData("9000000000009")]
    // Typed as officers copy it: full-width digits and hyphens.
    [InlineData("７０００－０１２０－５０００２")]
    [InlineData("7-0000-1205-0002")]
    public void Valid_numbers_pass(string number) => Assert.True(CorporateNumber.IsValid(number));

    [Theory]
    [InlineData("6000012050002")] // 国税庁 with a wrong check digit
    [InlineData("1180301018772")] // one base digit changed: Σ = 1×2… no longer gives 1
    [InlineData("700001205000")]  // 12 digits
    [InlineData("70000120500021")] // 14 digits
    [InlineData("700001205000A")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_numbers_fail(string? number) => Assert.False(CorporateNumber.IsValid(number));

    [Fact]
    public void The_check_digit_is_computed_from_the_base()
    {
        Assert.Equal(7, CorporateNumber.CheckDigit("000012050002"));
        Assert.Equal(1, CorporateNumber.CheckDigit("180301018771"));
        Assert.Equal("7000012050002", CorporateNumber.Normalize("７０００－０１２０－５０００２"));
    }
}
