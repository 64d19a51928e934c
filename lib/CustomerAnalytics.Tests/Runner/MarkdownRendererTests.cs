using CustomerAnalytics.Runner;

namespace CustomerAnalytics.Tests.Runner;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void Headings_emphasis_code_and_pipe_tables_render_as_html()
    {
        var html = MarkdownRenderer.ToHtml("# Title\n\nSome **bold** and `code`.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");

        Assert.Contains("<h1 id=\"title\">Title</h1>", html);
        Assert.Contains("<strong>bold</strong>", html);
        Assert.Contains("<code>code</code>", html);
        Assert.Contains("<td>1</td>", html);
    }

    [Fact]
    public void Web_links_keep_their_words_and_show_the_address_without_an_href()
    {
        var html = MarkdownRenderer.ToHtml("See [the data](https://www.kaggle.com/d) and <https://example.com/x>, or [a section](#setup).");

        Assert.Contains("the data <span class=\"url\">(https://www.kaggle.com/d)</span>", html);
        Assert.Contains("https://example.com/x", html);
        Assert.DoesNotContain("href=\"http", html);
        Assert.Contains("href=\"#setup\"", html); // links inside the page still work
    }

    [Fact]
    public void Images_are_inlined_from_files_or_attachments_and_web_images_become_a_note()
    {
        string? Source(string url) => url == "chart.png" ? "data:image/png;base64,AAAA" : null;

        var html = MarkdownRenderer.ToHtml("![local](chart.png) ![remote](https://example.com/a.png) ![gone](missing.png)", Source);

        Assert.Contains("src=\"data:image/png;base64,AAAA\"", html);
        Assert.Contains("[image: remote (https://example.com/a.png), not included in this offline report]", html);
        Assert.Contains("[image: gone (missing.png), not included in this offline report]", html);
        Assert.DoesNotContain("src=\"http", html);
    }

    [Fact]
    public void First_heading_is_plain_text_or_null()
    {
        Assert.Equal("02 · Segmentation with k-means", MarkdownRenderer.FirstHeading("Intro\n\n# 02 · Segmentation with *k-means*\n\n## Later"));
        Assert.Equal("Setup", MarkdownRenderer.FirstHeading("## Setup\ntext"));
        Assert.Null(MarkdownRenderer.FirstHeading("no heading here"));
    }
}
