using System.Security.Cryptography;
using VaeFaces.Scheduler.Api;

namespace VaeFaces.UnitTests.Scheduler;

public class SecretRulesSpecs
{
    [Theory]
    [InlineData("change-me")]
    [InlineData("CHANGE-ME")]
    [InlineData("changeme")]
    [InlineData("Change_Me")]
    [InlineData("password")]
    [InlineData("admin")]
    [InlineData("secret")]
    [InlineData("example")]
    [InlineData("change-me-please-change-me-please-0123")]
    [InlineData("Xq7-my-Password-is-long-enough-2026-Lz")]
    [InlineData("prod-api-key-SECRET-9f8e7d6c5b4a39281706")]
    [InlineData("0f5c2a9e7b31d8464ac0e1f27b9d3c58-example")]
    public void Placeholders_are_refused_also_inside_a_longer_value(string value)
    {
        var problem = SecretRules.Problem("Api:Key", value);
        Assert.NotNull(problem);
        Assert.StartsWith("Api:Key ", problem);
        Assert.Contains("placeholder", problem);
        // It names the word found, never the rest of the value.
        if (value.Length >= SecretRules.MinimumLength) Assert.DoesNotContain(value, problem);
    }

    [Theory]
    [InlineData("Qx7pR2vL9sT4wZ8")]
    [InlineData("0f5c2a9e7b31d8464ac0e1f27b9d3c5")]
    public void Values_shorter_than_32_characters_are_refused(string value)
    {
        var problem = SecretRules.Problem("Dashboard:Password", value);
        Assert.Equal($"Dashboard:Password is too short ({value.Length} characters): use at least {SecretRules.MinimumLength}, e.g. `openssl rand -hex 32`", problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_value_is_refused(string? value)
    {
        Assert.Equal($"Api:Key is not set: use a random value of at least {SecretRules.MinimumLength} characters, e.g. `openssl rand -hex 32`",
            SecretRules.Problem("Api:Key", value));
    }

    [Fact]
    public void A_long_value_of_few_distinct_characters_is_refused()
    {
        Assert.Contains("too few distinct characters", SecretRules.Problem("Api:Key", new string('a', 40)));
        Assert.Contains("too few distinct characters", SecretRules.Problem("Api:Key", string.Concat(Enumerable.Repeat("ab12", 10))));
    }

    [Fact]
    public void Random_keys_as_openssl_makes_them_are_accepted()
    {
        Assert.Null(SecretRules.Problem("Api:Key", "0f5c2a9e7b31d8464ac0e1f27b9d3c58"));
        Assert.Null(SecretRules.Problem("Dashboard:Password", "Wq8-Zr4-Lm2-Tx6-Kp9-Hv3-Nb7-Jc5-Fd1"));
        // Hex has none of the placeholder words' letters, so any such key passes.
        for (var i = 0; i < 200; i++)
        {
            var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16 + i % 17));
            Assert.Null(SecretRules.Problem("Api:Key", key));
        }
    }
}
