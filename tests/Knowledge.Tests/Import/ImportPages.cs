namespace CareerBot.Knowledge.Tests.Import;

/// <summary>Small pages written for the import tests, one per format.</summary>
internal static class ImportPages
{
    /// <summary>A careers article wrapped in everything a real page has around it.</summary>
    public const string Html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <title>ML Engineer Guide | Example Careers</title>
          <style>body { font-family: sans-serif; }</style>
          <script>window.analytics = { track: function () {} };</script>
        </head>
        <body>
          <div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
          <header class="site-header">
            <a href="/">Example Careers</a>
            <nav><ul><li><a href="/jobs">Jobs</a></li><li><a href="/blog">Blog</a></li></ul></nav>
          </header>
          <main>
            <article>
              <h1>How to Become a <a href="/mle">Machine Learning Engineer</a></h1>
              <div class="share-bar"><a href="#">Share on LinkedIn</a> <a href="#">Tweet this</a></div>
              <p>Machine learning engineers turn models into   dependable products. This guide walks through the role, the skills and the pay.</p>
              <h2>What the role involves</h2>
              <p>An ML engineer designs, trains and deploys models.<br>Most of the work is software engineering.</p>
              <ul>
                <li>Build data pipelines</li>
                <li>Deploy models with <a href="/docker">Docker</a> and Kubernetes</li>
                <li>Monitor models in production</li>
              </ul>
              <div id="newsletter-signup"><p>Get weekly career tips in your inbox.</p><form><input type="email"><button>Subscribe</button></form></div>
              <h2>Salary by level</h2>
              <p>Pay rises quickly with experience.</p>
              <table>
                <thead><tr><th>Level</th><th>Median salary</th></tr></thead>
                <tbody>
                  <tr><td>Junior</td><td>$110,000</td></tr>
                  <tr><td>Senior</td><td>$165,000</td></tr>
                </tbody>
              </table>
              <h3>Senior and beyond</h3>
              <p>Staff engineers lead projects across teams.</p>
              <ol><li>Senior engineer</li><li>Staff engineer</li><li>Principal engineer</li></ol>
              <h2>Is it worth it?</h2>
              <p>For people who enjoy both coding and statistics, the career pays off.</p>
              <div class="ad-slot">Advertisement: Learn ML in 30 days!</div>
              <h2>Frequently Asked Questions</h2>
              <p>Answers to what readers ask most.</p>
              <h3>Do I need a PhD?</h3>
              <p>No. Most roles ask for a bachelor's degree and a strong portfolio.</p>
              <h3>How long does it take</h3>
              <p>Most people need one to two years of focused study.</p>
              <section class="related-articles">
                <h2>Related articles</h2>
                <ul><li><a href="/ds">Data scientist career guide</a></li></ul>
              </section>
              <h3>You may also like</h3>
              <ul><li><a href="/ai">AI engineer salaries</a></li></ul>
            </article>
          </main>
          <footer><p>© 2026 Example Careers. All rights reserved.</p></footer>
          <script>console.log("page loaded");</script>
        </body>
        </html>
        """;

    public const string HtmlGuide = """
        ---
        id: example-mle-guide
        title: How to Become a Machine Learning Engineer
        source: How to Become a Machine Learning Engineer (imported from mle-guide.html)
        updated: 2026-03-10
        summary: Machine learning engineers turn models into dependable products.
        ---

        ## Overview
        <!-- topics: TODO -->
        Machine learning engineers turn models into dependable products. This guide walks through the role, the skills and the pay.

        ## What the role involves
        <!-- topics: TODO -->
        An ML engineer designs, trains and deploys models. Most of the work is software engineering.

        - Build data pipelines
        - Deploy models with Docker and Kubernetes
        - Monitor models in production

        ## Salary by level
        <!-- topics: TODO -->
        Pay rises quickly with experience.

        | Level | Median salary |
        | --- | --- |
        | Junior | $110,000 |
        | Senior | $165,000 |

        ### Senior and beyond
        Staff engineers lead projects across teams.

        1. Senior engineer
        2. Staff engineer
        3. Principal engineer

        ## Frequently asked questions

        ### Is it worth it?
        <!-- topics: TODO -->
        For people who enjoy both coding and statistics, the career pays off.

        ### Do I need a PhD?
        <!-- topics: TODO -->
        No. Most roles ask for a bachelor's degree and a strong portfolio.

        ### How long does it take?
        <!-- topics: TODO -->
        Most people need one to two years of focused study.

        """;

    public const string Markdown = """
        # Data Scientist to ML Engineer

        Many data scientists move into ML engineering after a few years.

        ## Skills to add
        You will need stronger *software* skills. See [our course](https://example.com/course) for more.

        * Testing
        * Docker

        #### Tip
        Pair with a backend engineer.

        ### Cloud platforms
        Learn one of AWS, Azure or GCP.

        ## FAQ

        ### Will I earn more?
        Usually, yes.

        ## Is the switch hard?
        It takes about a year.
        """;

    public const string MarkdownGuide = """
        ---
        id: ds-to-mle
        title: Data Scientist to ML Engineer
        source: Data Scientist to ML Engineer (imported from switch.md)
        updated: 2026-03-10
        summary: Many data scientists move into ML engineering after a few years.
        ---

        ## Overview
        <!-- topics: TODO -->
        Many data scientists move into ML engineering after a few years.

        ## Skills to add
        <!-- topics: TODO -->
        You will need stronger software skills. See our course for more.

        - Testing
        - Docker

        Tip: Pair with a backend engineer.

        ### Cloud platforms
        Learn one of AWS, Azure or GCP.

        ## Frequently asked questions

        ### Will I earn more?
        <!-- topics: TODO -->
        Usually, yes.

        ### Is the switch hard?
        <!-- topics: TODO -->
        It takes about a year.

        """;

    public const string Text = """
        Working as an ML Engineer

        Machine learning engineers build and run models in production.
        The job mixes coding and maths.

        DAILY WORK
        Most days include:
        - Cleaning data
        - Training models
        - Reviewing code

        Salary ranges:

        Juniors earn about $100,000. Seniors earn about $160,000.

        FREQUENTLY ASKED QUESTIONS

        Do I need a degree?
        Most employers ask for one, but a portfolio can replace it.

        IS IT STRESSFUL?
        Deadlines can be tight around launches.
        """;

    public const string TextGuide = """
        ---
        id: working-as-mle
        title: Working as an ML Engineer
        source: Working as an ML Engineer (imported from working.txt)
        updated: 2026-03-10
        summary: Machine learning engineers build and run models in production.
        ---

        ## Overview
        <!-- topics: TODO -->
        Machine learning engineers build and run models in production. The job mixes coding and maths.

        ## DAILY WORK
        <!-- topics: TODO -->
        Most days include:

        - Cleaning data
        - Training models
        - Reviewing code

        ## Salary ranges
        <!-- topics: TODO -->
        Juniors earn about $100,000. Seniors earn about $160,000.

        ## Frequently asked questions

        ### Do I need a degree?
        <!-- topics: TODO -->
        Most employers ask for one, but a portfolio can replace it.

        ### IS IT STRESSFUL?
        <!-- topics: TODO -->
        Deadlines can be tight around launches.

        """;
}
