using VaeFaces.Worker.Caching;

namespace VaeFaces.UnitTests.Caching;

/// <summary>A worker's cache folder: decoded-image files at its top, mirrored datasets under blobs/endpoint/container/.</summary>
public class CacheLimitSpecs
{
    private readonly string folder = Directory.CreateTempSubdirectory("vaefaces-cache-").FullName;

    private string Decoded(string key, int bytes, DateTime lastUse)
    {
        var data = Path.Combine(folder, key + ".rgb");
        File.WriteAllBytes(data, new byte[bytes]);
        File.WriteAllText(Path.ChangeExtension(data, ".json"), "{}");
        File.SetLastWriteTimeUtc(data, lastUse);
        return data;
    }

    private string Mirrored(string prefixHash, int bytes, DateTime lastUse)
    {
        var root = Path.Combine(folder, "blobs", "127.0.0.1_10000_devstoreaccount1", "datasets", prefixHash);
        Directory.CreateDirectory(Path.Combine(root, "files", "img_align_celeba"));
        File.WriteAllBytes(Path.Combine(root, "files", "img_align_celeba", "000001.jpg"), new byte[bytes]);
        Directory.SetLastWriteTimeUtc(root, lastUse);
        return root;
    }

    private static readonly DateTime Now = DateTime.UtcNow;

    [Fact]
    public void Over_its_limit_the_cache_deletes_the_least_recently_used_entries_first()
    {
        var oldest = Decoded("a", 1000, Now.AddHours(-3));
        var mirrored = Mirrored("b", 1000, Now.AddHours(-2));
        var newest = Decoded("c", 1000, Now.AddHours(-1));

        var evicted = new CacheLimit(folder, limitBytes: 2100).Apply();

        Assert.Equal([oldest], evicted);
        Assert.False(File.Exists(oldest));
        Assert.False(File.Exists(Path.ChangeExtension(oldest, ".json")));
        Assert.True(Directory.Exists(mirrored));
        Assert.True(File.Exists(newest));

        Assert.Equal([mirrored], new CacheLimit(folder, limitBytes: 1100).Apply());
        Assert.False(Directory.Exists(mirrored));
    }

    [Fact]
    public void An_entry_a_running_job_holds_is_never_deleted()
    {
        var mirrored = Mirrored("held", 1000, Now.AddHours(-3));
        var decoded = Decoded("next", 1000, Now.AddHours(-2));
        var cache = new CacheLimit(folder, limitBytes: 0);

        using (cache.Hold(Path.Combine(mirrored, "files", "img_align_celeba")))
        {
            Assert.Equal([decoded], cache.Apply());
            Assert.True(File.Exists(Path.Combine(mirrored, "files", "img_align_celeba", "000001.jpg")));
        }

        Assert.Equal([mirrored], cache.Apply());
    }

    [Fact]
    public void Temporary_files_of_dead_processes_are_removed_and_live_ones_kept()
    {
        var stale = Path.Combine(folder, "abc.rgb.123.tmp");
        var live = Path.Combine(folder, "def.rgb.456.tmp");
        File.WriteAllBytes(stale, new byte[10]);
        File.WriteAllBytes(live, new byte[10]);
        File.SetLastWriteTimeUtc(stale, Now - CacheLimit.StaleTemporaryAge - TimeSpan.FromMinutes(1));

        new CacheLimit(folder, limitBytes: 1L << 30).Apply();

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live));
    }
}
