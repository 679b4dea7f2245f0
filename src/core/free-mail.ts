// Free-mail providers: an address at one of these says nothing about the customer's company.
// Registrable domains only (what tldts returns), lower-case. Kept by hand: the biggest consumer
// providers worldwide plus the Russian-speaking market's own. Add a line to add a provider.
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  // Google, Microsoft, Yahoo, Apple, AOL
  'gmail.com', 'googlemail.com',
  'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'hotmail.de', 'hotmail.it', 'hotmail.es',
  'live.com', 'live.co.uk', 'live.fr', 'live.de', 'live.ru', 'msn.com', 'passport.com', 'outlook.de', 'outlook.fr',
  'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'yahoo.es', 'yahoo.it', 'yahoo.co.jp', 'yahoo.co.in',
  'yahoo.com.br', 'yahoo.ca', 'yahoo.com.au', 'ymail.com', 'rocketmail.com',
  'icloud.com', 'me.com', 'mac.com',
  'aol.com', 'aim.com', 'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'comcast.net',
  'cox.net', 'charter.net', 'earthlink.net', 'optonline.net', 'frontier.com', 'windstream.net', 'juno.com', 'netzero.net',
  // Privacy-minded and global webmail
  'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me', 'tutanota.com', 'tuta.io', 'tutanota.de', 'mailfence.com',
  'zoho.com', 'zohomail.com', 'gmx.com', 'gmx.net', 'gmx.de', 'gmx.at', 'gmx.ch', 'gmx.fr', 'web.de',
  't-online.de', 'freenet.de', 'arcor.de', 'posteo.de', 'posteo.net', 'mailbox.org',
  'mail.com', 'email.com', 'usa.com', 'post.com', 'inbox.com', 'fastmail.com', 'fastmail.fm', 'hushmail.com',
  'hey.com', 'runbox.com', 'disroot.org', 'riseup.net',
  // Europe
  'orange.fr', 'wanadoo.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'neuf.fr', 'bbox.fr',
  'libero.it', 'virgilio.it', 'tiscali.it', 'alice.it', 'tim.it',
  'btinternet.com', 'sky.com', 'virginmedia.com', 'ntlworld.com', 'talktalk.net', 'blueyonder.co.uk',
  'seznam.cz', 'centrum.cz', 'email.cz', 'atlas.cz', 'wp.pl', 'o2.pl', 'onet.pl', 'interia.pl', 'op.pl',
  'poczta.onet.pl', 'abv.bg', 'mail.bg', 'freemail.hu', 'citromail.hu', 'telenet.be', 'skynet.be',
  'home.nl', 'ziggo.nl', 'kpnmail.nl', 'planet.nl', 'bluewin.ch', 'sapo.pt', 'terra.com',
  'online.no', 'telia.com', 'eircom.net',
  // Russia and neighbours
  'mail.ru', 'inbox.ru', 'list.ru', 'bk.ru', 'internet.ru', 'mail.ua', 'yandex.ru', 'yandex.com', 'ya.ru', 'yandex.by',
  'yandex.kz', 'yandex.ua', 'narod.ru', 'rambler.ru', 'lenta.ru', 'autorambler.ru', 'myrambler.ru', 'ro.ru',
  'rambler.ua', 'ukr.net', 'i.ua', 'meta.ua', 'tut.by', 'qip.ru', 'pochta.ru', 'km.ru', 'nm.ru', 'hotbox.ru',
  // Asia, Latin America, Oceania, Africa
  'qq.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com', 'aliyun.com', '139.com', '189.cn',
  'naver.com', 'hanmail.net', 'daum.net', 'nate.com', 'rediffmail.com', 'indiatimes.com',
  'uol.com.br', 'bol.com.br', 'terra.com.br', 'ig.com.br', 'prodigy.net.mx',
  'bigpond.com', 'bigpond.net.au', 'optusnet.com.au', 'xtra.co.nz', 'shaw.ca', 'rogers.com', 'sympatico.ca',
  'mweb.co.za', 'yahoo.com.sg', 'yahoo.com.ph',
]);

export function isFreeMailDomain(domain: string | null | undefined): boolean {
  return !!domain && FREE_MAIL_DOMAINS.has(domain.toLowerCase());
}
