using ActorImport.Configuration;
using ActorImport.Model;
using Microsoft.Extensions.Configuration;

namespace ActorImport.Tests.Configuration;

/// <summary>The file's <c>bytecode</c> and <c>python</c> sections become the engine's one cache-options type.</summary>
public sealed class BytecodeCacheOptionsFromOptionsTests
{
    [Fact]
    public void DefaultsAreTheEnginesOwnTagAndCPythonsRules()
    {
        BytecodeCacheOptions o = new ActorImportOptions().ToBytecodeCacheOptions();
        Assert.Equal(BytecodeCacheOptions.ActorImport311, o);
    }

    [Fact]
    public void FileValuesReachTheCacheOptions()
    {
        IConfiguration c = new ConfigurationBuilder()
            .AddHoconString("actor-import { python.cache-tag = mytag-1, bytecode { mode = checked-hash, write = false } }")
            .Build();
        BytecodeCacheOptions o = ActorImportConfiguration.Bind(c).ToBytecodeCacheOptions();
        Assert.Equal("mytag-1", o.CacheTag);
        Assert.Equal(PycInvalidationMode.CheckedHash, o.InvalidationMode);
        Assert.False(o.WriteBytecode);
        Assert.Equal(0, o.Optimize);
        Assert.Null(o.PycachePrefix);
    }

    [Fact]
    public void AHostBindingItselfReadsTheHyphenatedModes()
    {
        // The enums live in Model without attributes; adding a HOCON source registers their converter.
        IConfiguration c = new ConfigurationBuilder()
            .AddHoconString("actor-import { bytecode.mode = unchecked-hash, lazy-imports.mode = all }")
            .Build();
        ActorImportOptions o = c.GetSection(ActorImportOptions.SectionName).Get<ActorImportOptions>()!;
        Assert.Equal(PycInvalidationMode.UncheckedHash, o.Bytecode.Mode);
        Assert.Equal(LazyImportMode.All, o.LazyImports.Mode);
    }
}
