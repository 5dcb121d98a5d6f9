using System.Text;
using Azure.Storage.Blobs;
using VaeFaces.Contracts;
using VaeFaces.Storage;

namespace VaeFaces.IntegrationTests.Storage;

/// <summary>Against a real Azurite, the distributed run's (a container or the native service). Each test has its own container.</summary>
[Collection(Distributed.DistributedCollection.Name)]
public class AzureBlobStoreSpecs : IAsyncLifetime
{
    private readonly string connectionString;

    private readonly string container = "t" + Guid.NewGuid().ToString("N");
    private readonly string cache = Path.Combine(Path.GetTempPath(), "vaefaces-azure-" + Guid.NewGuid().ToString("N"));
    private readonly AzureBlobStore store;

    public AzureBlobStoreSpecs(Distributed.DistributedFixture services)
    {
        connectionString = services.Servers.Blobs.ConnectionString;
        store = NewStore();
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(cache);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        await new BlobServiceClient(connectionString, new BlobClientOptions(BlobServiceClients.EmulatorServiceVersion))
            .GetBlobContainerClient(container).DeleteIfExistsAsync();
    }

    private AzureBlobStore NewStore() => BlobStores.Azure(connectionString, null, cache);

    private BlobLocation At(string prefix = "") => new(container, prefix);

    private static async Task<List<string>> ListAsync(IBlobStore store, BlobLocation location) => await store.ListAsync(location).ToListAsync();

    private static Dictionary<string, string> FilesIn(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            file => Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllText);

    private async Task UploadTextAsync(string name, string text) => await store.UploadBytesAsync(At(name), Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("UseDevelopmentStorage=true", true)]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;", true)]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=dev;AccountKey=a2V5;BlobEndpoint=http://azurite:10000/dev;", true)]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=dev;AccountKey=a2V5;BlobEndpoint=http://localhost:10000/dev;", true)]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=vaefaces;AccountKey=a2V5;EndpointSuffix=core.windows.net", false)]
    public void Only_an_emulator_connection_string_pins_the_service_version(string connectionString, bool emulator) =>
        Assert.Equal(emulator, BlobServiceClients.TargetsEmulator(connectionString));

    [Fact]
    public async Task Uploaded_blobs_exist_read_back_list_relative_in_ordinal_order_and_delete()
    {
        await UploadTextAsync("data/b.txt", "bee");
        await UploadTextAsync("data/a/c.txt", "sea");
        await UploadTextAsync("data/a.txt", "eh");
        await UploadTextAsync("other.txt", "not listed");

        Assert.True(await store.ExistsAsync(At("data/a/c.txt")));
        Assert.Equal("sea", await store.ReadTextAsync(At("data/a/c.txt")));
        Assert.Equal(["a.txt", "a/c.txt", "b.txt"], await ListAsync(store, At("data")));

        await UploadTextAsync("data/b.txt", "overwritten");
        Assert.Equal("overwritten", await store.ReadTextAsync(At("data/b.txt")));

        await store.DeleteAsync(At("data/b.txt"));
        await store.DeleteAsync(At("data/b.txt"));
        Assert.False(await store.ExistsAsync(At("data/b.txt")));
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync(At("data/b.txt")));
    }

    [Fact]
    public async Task A_missing_container_has_no_blobs_and_reads_as_file_not_found()
    {
        Assert.False(await store.ExistsAsync(At("x")));
        Assert.Empty(await ListAsync(store, At("data")));
        await store.DeleteAsync(At("x"));
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync(At("x")));
    }

    [Fact]
    public async Task Local_folder_is_downloaded_once_and_a_new_store_on_the_same_cache_downloads_nothing()
    {
        await UploadTextAsync("set/img/1.jpg", "one");
        await UploadTextAsync("set/img/2.jpg", "two");
        await UploadTextAsync("set/list.txt", "list");

        var folder = await store.GetLocalFolderAsync(At("set"));
        Assert.Equal(new Dictionary<string, string> { ["img/1.jpg"] = "one", ["img/2.jpg"] = "two", ["list.txt"] = "list" }, FilesIn(folder));
        Assert.Equal(3, store.DownloadedBlobCount);

        Assert.Equal(folder, await store.GetLocalFolderAsync(At("set")));
        var again = NewStore();
        Assert.Equal(folder, await again.GetLocalFolderAsync(At("set")));
        Assert.Equal(3, store.DownloadedBlobCount);
        Assert.Equal(0, again.DownloadedBlobCount);
    }

    [Fact]
    public async Task Local_folder_downloads_changed_and_new_blobs_only_and_drops_deleted_ones()
    {
        await UploadTextAsync("set/same.txt", "same");
        await UploadTextAsync("set/changed.txt", "old");
        await UploadTextAsync("set/old/deleted.txt", "gone soon");
        var folder = await store.GetLocalFolderAsync(At("set"));
        var untouched = File.GetLastWriteTimeUtc(Path.Combine(folder, "same.txt"));

        await UploadTextAsync("set/changed.txt", "new");
        await UploadTextAsync("set/sub/added.txt", "added");
        await store.DeleteAsync(At("set/old/deleted.txt"));
        var later = NewStore();
        Assert.Equal(folder, await later.GetLocalFolderAsync(At("set")));

        Assert.Equal(2, later.DownloadedBlobCount);
        Assert.Equal(new Dictionary<string, string> { ["changed.txt"] = "new", ["same.txt"] = "same", ["sub/added.txt"] = "added" }, FilesIn(folder));
        Assert.Equal(untouched, File.GetLastWriteTimeUtc(Path.Combine(folder, "same.txt")));
        Assert.False(Directory.Exists(Path.Combine(folder, "old")));
    }

    [Fact]
    public async Task A_damaged_local_copy_is_downloaded_again()
    {
        await UploadTextAsync("set/a.txt", "content");
        var folder = await store.GetLocalFolderAsync(At("set"));
        File.WriteAllText(Path.Combine(folder, "a.txt"), "cut");

        await store.GetLocalFolderAsync(At("set"));
        Assert.Equal("content", File.ReadAllText(Path.Combine(folder, "a.txt")));
        Assert.Equal(2, store.DownloadedBlobCount);
    }

    [Fact]
    public async Task Simultaneous_local_folder_calls_download_each_blob_once()
    {
        for (var i = 0; i < 20; i++) await UploadTextAsync($"set/{i}.txt", $"{i}");
        var stores = Enumerable.Range(0, 3).Select(_ => NewStore()).ToList();

        var folders = await Task.WhenAll(stores.Select(each => each.GetLocalFolderAsync(At("set"))));

        Assert.Single(folders.Distinct());
        Assert.Equal(20, FilesIn(folders[0]).Count);
        Assert.Equal(20, stores.Sum(each => each.DownloadedBlobCount));
    }

    [Fact]
    public async Task A_held_lock_is_refused_to_others_until_disposed()
    {
        var other = NewStore();
        var held = await store.TryLockAsync(At("locks/job"));
        Assert.NotNull(held);
        Assert.Null(await other.TryLockAsync(At("locks/job")));

        await held.DisposeAsync();
        var next = await other.TryLockAsync(At("locks/job"));
        Assert.NotNull(next);
        await next.DisposeAsync();
    }

    [Fact]
    public async Task A_held_lock_outlives_its_lease_by_renewing_it()
    {
        var shortLeases = new AzureBlobStore(new BlobServiceClient(connectionString, new BlobClientOptions(BlobServiceClients.EmulatorServiceVersion)), cache)
        {
            LeaseDuration = TimeSpan.FromSeconds(15),
            LeaseRenewal = TimeSpan.FromSeconds(3),
        };
        await using var held = await shortLeases.TryLockAsync(At("locks/job"));
        Assert.NotNull(held);

        await Task.Delay(TimeSpan.FromSeconds(18));
        Assert.Null(await store.TryLockAsync(At("locks/job")));
    }

    [Fact]
    public async Task Upload_folder_uploads_nested_files_named_by_relative_path()
    {
        var source = Path.Combine(cache, "source");
        Directory.CreateDirectory(Path.Combine(source, "img", "deep"));
        File.WriteAllText(Path.Combine(source, "list.txt"), "list");
        File.WriteAllText(Path.Combine(source, "img", "1.jpg"), "one");
        File.WriteAllText(Path.Combine(source, "img", "deep", "2.jpg"), "two");
        var reported = new List<int>();

        var count = await store.UploadFolderAsync(source, At("uploaded/set"), new SynchronousProgress(reported));

        Assert.Equal(3, count);
        Assert.Equal(3, reported.Max());
        Assert.Equal(["img/1.jpg", "img/deep/2.jpg", "list.txt"], await ListAsync(store, At("uploaded/set")));
        Assert.Equal("two", await store.ReadTextAsync(At("uploaded/set/img/deep/2.jpg")));
    }

    [Fact]
    public async Task A_store_for_uploading_writes_and_reads_blobs_but_makes_no_local_folders()
    {
        var uploader = BlobStores.AzureForUpload(connectionString, null);

        await uploader.UploadBytesAsync(At("set/a.txt"), Encoding.UTF8.GetBytes("content"));

        Assert.Equal("content", await store.ReadTextAsync(At("set/a.txt")));
        Assert.Equal(["a.txt"], await ListAsync(uploader, At("set")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => uploader.GetLocalFolderAsync(At("set")));
    }

    private sealed class SynchronousProgress(List<int> reported) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (reported) reported.Add(value);
        }
    }
}
