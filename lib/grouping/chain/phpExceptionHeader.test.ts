import { describe, expect, it } from "vitest";
import { parsePhpExceptionHeader } from "@/lib/grouping/chain/phpExceptionHeader";
import { groupEvent } from "@/lib/grouping/groupEvent";

describe("parsePhpExceptionHeader", () => {
  it("the location is the last ' in ': a message's own ' in ' stays in it", () => {
    expect(parsePhpExceptionHeader("PHP Fatal error:  Uncaught DomainException: Coupon not valid in this region in /srv/shop/src/Coupons.php:61")).toEqual({
      type: "DomainException", message: "Coupon not valid in this region", path: "/srv/shop/src/Coupons.php", lineno: "61",
    });
    expect(parsePhpExceptionHeader("Next PDOException: SQLSTATE[42S02]: Base table or view not found: 1146 Table 'shop.cupons' doesn't exist in 'from clause' in /srv/shop/src/Db.php:20")?.message).toBe(
      "SQLSTATE[42S02]: Base table or view not found: 1146 Table 'shop.cupons' doesn't exist in 'from clause'",
    );
    expect(parsePhpExceptionHeader("LogicException in /srv/a.php:3")).toEqual({ type: "LogicException", message: "", path: "/srv/a.php", lineno: "3" });
  });

  it("a TypeError's 'called in … on line N' stays; the ' and defined' __toString adds goes", () => {
    const line = "Fatal error: Uncaught ArgumentCountError: Too few arguments to function Shop\\Cart::add(), 1 passed in /srv/shop/public/index.php on line 9 and exactly 2 expected in /srv/shop/src/Cart.php:14";
    expect(parsePhpExceptionHeader(line)?.message).toBe("Too few arguments to function Shop\\Cart::add(), 1 passed in /srv/shop/public/index.php on line 9 and exactly 2 expected");
    const typeError = "PHP Fatal error:  Uncaught TypeError: Shop\\Cart::add(): Argument #2 ($qty) must be of type int, string given, called in /srv/shop/public/index.php on line 9 and defined in /srv/shop/src/Cart.php:14";
    expect(parsePhpExceptionHeader(typeError)?.message).toBe("Shop\\Cart::add(): Argument #2 ($qty) must be of type int, string given, called in /srv/shop/public/index.php on line 9");
  });

  it("is no header for other lines", () => {
    expect(parsePhpExceptionHeader("#0 /srv/a.php(3): f()")).toBeNull();
    expect(parsePhpExceptionHeader("Stack trace:")).toBeNull();
  });

  it("the chain's message is whole", () => {
    const text = "PHP Fatal error:  Uncaught DomainException: Coupon not valid in this region in /srv/shop/src/Coupons.php:61\nStack trace:\n#0 /srv/shop/src/Checkout.php(30): Shop\\Coupons->apply('SPRING')\n#1 {main}\n  thrown in /srv/shop/src/Coupons.php on line 61";
    expect(groupEvent({ type: "Error", message: "", stackTrace: text })).toMatchObject({ type: "DomainException", message: "Coupon not valid in this region" });
  });
});
