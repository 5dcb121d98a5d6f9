using System.Text;
using VaeFaces.Contracts;
using VaeFaces.Storage;

namespace VaeFaces.UnitTests.Storage;

public sealed class LocalFolderBlobStoreSpecs : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vaefaces-store-").FullName;
    private string Root => Path.Combine(folder, "root");
    private string Outside => Path.Combine(folder, "outside.txt");

    public LocalFolderBlobStoreSpecs()
    {
        Directory.CreateDirectory(Root);
        File.WriteAllText(Outside, "not the store's");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Locations that the contracts refuse, which the store must refuse too (a caller that skipped the validation).</summary>
    public static TheoryData<string, string> Escaping() => new()
    {
        { "..", "outside.txt" },
        { "data", "../../outside.txt" },
        { "data", "x/../../../outside.txt" },
        { "/", "etc/passwd" },
        { "data", "/etc/passwd" },
        { ".", "" },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(Escaping))]
    public async Task Every_operation_refuses_a_location_outside_its_root_in_one_line(string container, string prefix)
    {
        var store = new LocalFolderBlobStore(Root);
        var blob = new BlobLocation(container, prefix);
        var refusals = new List<Exception>
        {
            await Assert.ThrowsAnyAsync<IOException>(() => store.ExistsAsync(blob)),
            await Assert.ThrowsAnyAsync<IOException>(() => store.OpenReadAsync(blob)),
            await Assert.ThrowsAnyAsync<IOException>(() => store.UploadAsync(blob, new MemoryStream(Encoding.UTF8.GetBytes("overwritten")))),
            await Assert.ThrowsAnyAsync<IOException>(() => store.DeleteAsync(blob)),
            await Assert.ThrowsAnyAsync<IOException>(() => store.GetLocalFolderAsync(blob)),
            await Assert.ThrowsAnyAsync<IOException>(() => store.TryLockAsync(blob)),
            await Assert.ThrowsAnyAsync<IOException>(async () => { await foreach (var _ in store.ListAsync(blob)) { } }),
        };
        Assert.All(refusals, error => Assert.Equal($"blob location '{blob}' is outside the local store's root", error.Message));
        Assert.Equal("not the store's", File.ReadAllText(Outside));
    }

    [Fact]
    public async Task Locations_under_the_root_work_as_before()
    {
        var store = new LocalFolderBlobStore(Root);
        var blob = new BlobLocation("data", "jobs/1/a.txt");
        await store.UploadAsync(blob, new MemoryStream(Encoding.UTF8.GetBytes("a")));
        Assert.True(await store.ExistsAsync(blob));
        Assert.Equal(Path.Combine(Root, "data", "jobs", "1"), await store.GetLocalFolderAsync(new BlobLocation("data", "jobs/1")));
        var listed = new List<string>();
        await foreach (var name in store.ListAsync(new BlobLocation("data", "jobs"))) listed.Add(name);
        Assert.Equal(["1/a.txt"], listed);
        await store.DeleteAsync(blob);
        Assert.False(await store.ExistsAsync(blob));
    }

    [Fact]
    public async Task A_store_rooted_at_the_file_system_root_takes_any_absolute_folder_as_the_cli_does()
    {
        var store = new LocalFolderBlobStore("/");
        var location = BlobLocation.Parse(Outside);
        Assert.True(await store.ExistsAsync(location));
        Assert.Equal(Outside, await store.GetLocalFolderAsync(location));
    }
}
