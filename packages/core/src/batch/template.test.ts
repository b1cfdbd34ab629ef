import { describe, expect, it } from "vitest";
import { compileTemplate, DEFAULT_WELCOME_MAIL, isHtmlTemplateName } from "./template.js";

const link = "ms-device-enrollment:?mode=mdm&username=ana@contoso.com";

describe("compileTemplate", () => {
  it("escapes HTML in HTML templates", () => {
    const template = compileTemplate('<a href="{{link}}">{{ name }}</a> {{Display Name}}', {
      html: true,
    });
    const out = template.render({
      link,
      name: '<script>alert("x")</script>',
      "Display Name": "O'Neil & Co",
    });
    expect(out).toBe(
      '<a href="ms-device-enrollment:?mode=mdm&amp;username=ana@contoso.com">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</a> O&#39;Neil &amp; Co',
    );
  });

  it("leaves values as they are in text templates", () => {
    expect(
      compileTemplate("{{link}} <{{name}}>", { html: false }).render({ link, name: "A&B" }),
    ).toBe(`${link} <A&B>`);
  });

  it("finds columns by loose name and lists what it cannot fill", () => {
    const template = compileTemplate("{{display_name}} {{link}} {{manager}}", { html: false });
    expect(template.variables).toEqual(["display_name", "link", "manager"]);
    expect(template.missing(["Display Name", "link", "username"])).toEqual(["manager"]);
    expect(template.render({ "Display Name": "Ana", link: "L" })).toBe("Ana L ");
  });

  it("tells HTML templates by name", () => {
    expect(isHtmlTemplateName("welcome.HTML")).toBe(true);
    expect(isHtmlTemplateName("welcome.htm")).toBe(true);
    expect(isHtmlTemplateName("welcome.txt")).toBe(false);
  });
});

describe("DEFAULT_WELCOME_MAIL", () => {
  const template = compileTemplate(DEFAULT_WELCOME_MAIL, { html: true });
  it("has the link as a button, the ways round a link that does not open, and the plain link", () => {
    expect(template.variables).toEqual(["username", "link"]);
    const mail = template.render({ username: "ana@contoso.com", link });
    const escaped = link.replace("&", "&amp;");
    expect(mail).toContain(`<a href="${escaped}"`);
    expect(mail.split(escaped).length - 1).toBe(2);
    expect(mail).toMatch(/Microsoft Edge/);
    expect(mail).toMatch(/Internet Explorer/);
    expect(mail).toMatch(/Windows key and R/);
  });
});
