<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="nl">
<context>
    <name>BottomBar</name>
    <message>
        <source>‹ Vorige</source>
        <translation>‹ Önceki</translation>
    </message>
    <message>
        <source>Volgende ›</source>
        <translation>Sonraki ›</translation>
    </message>
    <message>
        <source>Tik op het scherm om zelf te bladeren</source>
        <translation>Kendiniz sayfa çevirmek için ekrana dokunun</translation>
    </message>
    <message>
        <source>Grotere letters</source>
        <translation>Daha büyük yazı</translation>
    </message>
    <message>
        <source>Sterk contrast</source>
        <translation>Yüksek kontrast</translation>
    </message>
    <message>
        <source>Taal kiezen</source>
        <translation>Dil seçin</translation>
    </message>
</context>
<context>
    <name>ContactScreen</name>
    <message>
        <source>‹ Terug</source>
        <translation>‹ Geri</translation>
    </message>
    <message>
        <source>Scan met de camera van je telefoon</source>
        <translation>Telefonunuzun kamerasıyla tarayın</translation>
    </message>
    <message>
        <source>Print een folder</source>
        <translation>Broşür yazdır</translation>
    </message>
    <message>
        <source>Volgende ›</source>
        <translation>Sonraki ›</translation>
    </message>
    <message>
        <source>Printstatus</source>
        <translation>Yazdırma durumu</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-posta</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>İnternet sitesi</translation>
    </message>
    <message>
        <source>Wordt afgedrukt…</source>
        <translation>Yazdırılıyor…</translation>
    </message>
    <message>
        <source>Dank je wel! Je folder komt uit de printer.</source>
        <translation>Teşekkürler! Broşürünüz yazıcıdan çıkıyor.</translation>
    </message>
    <message>
        <source>Printen lukt hier nu niet. Scan de QR-code met je telefoon: dan heb je alles bij de hand.</source>
        <translation>Şu anda burada yazdırılamıyor. QR kodunu telefonunuzla tarayın: böylece her şey yanınızda olur.</translation>
    </message>
    <message>
        <source>Het printen is niet gelukt. Scan de QR-code met je telefoon, of vraag het aan de balie.</source>
        <translation>Yazdırma olmadı. QR kodunu telefonunuzla tarayın veya danışmaya sorun.</translation>
    </message>
    <message>
        <source>De printer neemt nu even geen folders aan. Scan de QR-code met je telefoon, of vraag het aan de balie.</source>
        <translation>Yazıcı şu anda broşür yazdırmıyor. QR kodunu telefonunuzla tarayın veya danışmaya sorun.</translation>
    </message>
    <message>
        <source>De printer staat even stil. Scan de QR-code met je telefoon, of vraag het aan de balie.</source>
        <translation>Yazıcı şu an durmuş. QR kodunu telefonunuzla tarayın veya danışmaya sorun.</translation>
    </message>
    <message>
        <source>Het papier is op. Scan de QR-code met je telefoon, of vraag een folder aan de balie.</source>
        <translation>Kâğıt bitti. QR kodunu telefonunuzla tarayın veya danışmadan bir broşür isteyin.</translation>
    </message>
    <message>
        <source>De printer reageert niet. Scan de QR-code met je telefoon, of vraag het aan de balie.</source>
        <translation>Yazıcı yanıt vermiyor. QR kodunu telefonunuzla tarayın veya danışmaya sorun.</translation>
    </message>
    <message>
        <source>Er is net een folder geprint. Probeer het zo nog eens, of scan de QR-code.</source>
        <translation>Az önce bir broşür yazdırıldı. Birazdan tekrar deneyin veya QR kodunu tarayın.</translation>
    </message>
    <message>
        <source>De folders zijn voor vandaag op. Scan de QR-code met je telefoon.</source>
        <translation>Bugünlük broşürler bitti. QR kodunu telefonunuzla tarayın.</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>Telefoon</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-posta</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>İnternet sitesi</translation>
    </message>
    <message>
        <source>Bereikbaar</source>
        <translation>Ulaşılabilir saatler</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>İletişim</translation>
    </message>
    <message>
        <source>Scan met je telefoon
om onze gegevens op te slaan</source>
        <translation>Bilgilerimizi kaydetmek
için telefonunuzla tarayın</translation>
    </message>
    <message>
        <source>Scan met je telefoon
voor meer informatie</source>
        <translation>Daha fazla bilgi için
telefonunuzla tarayın</translation>
    </message>
    <message>
        <source>Bel</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>Herken je deze signalen?</source>
        <translation>Bu belirtileri tanıyor musunuz?</translation>
    </message>
    <message>
        <source>Wat kun je doen?</source>
        <translation>Neler yapabilirsiniz?</translation>
    </message>
    <message>
        <source>Gecontroleerd op %1 door %2</source>
        <translation>%1 tarihinde %2 tarafından kontrol edildi</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Kaynak</translation>
    </message>
    <message>
        <source>Belangrijk om te weten</source>
        <translation>Bilmeniz gerekenler</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>We zijn nu gesloten</source>
        <translation>Şu anda kapalıyız</translation>
    </message>
    <message>
        <source>Open: </source>
        <translation>Açık: </translation>
    </message>
    <message>
        <source>Dit scherm is even buiten gebruik</source>
        <translation>Bu ekran şu anda kullanılamıyor</translation>
    </message>
    <message>
        <source>Heb je een vraag? Stel die gerust aan de balie.</source>
        <translation>Bir sorunuz mu var? Danışmaya sormaktan çekinmeyin.</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Voorlezen staat uit.</source>
        <translation>Sesli okuma kapalı.</translation>
    </message>
    <message>
        <source>Voorlezen staat aan: ik lees elk scherm voor.</source>
        <translation>Sesli okuma açık: her ekranı size okuyacağım.</translation>
    </message>
    <message>
        <source>Met Tab of de pijltjestoetsen ga je naar een knop, en ik noem hem; Enter kiest hem. Op het scherm tik je zoals altijd.</source>
        <translation>Tab ya da ok tuşlarıyla bir düğmeye gidersiniz, ben de adını söylerim; Enter onu seçer. Ekranda her zamanki gibi dokunabilirsiniz.</translation>
    </message>
    <message>
        <source>Plus en min maken het voorlezen harder of zachter.</source>
        <translation>Artı ve eksi, okumanın sesini açar ya da kısar.</translation>
    </message>
    <message>
        <source>F1, of twee vingers twee tellen op het scherm, zet het voorlezen uit.</source>
        <translation>F1 ya da iki parmağı iki saniye ekranda tutmak sesli okumayı kapatır.</translation>
    </message>
    <message>
        <source>Steek eerst je koptelefoon in de koptelefoonaansluiting van de kiosk.</source>
        <translation>Önce kulaklığınızı kioskun kulaklık girişine takın.</translation>
    </message>
</context>
<context>
    <name>ReadingQuestion</name>
    <message>
        <source>Ben je nog aan het lezen?</source>
        <translation>Hâlâ okuyor musunuz?</translation>
    </message>
    <message>
        <source>Tijd over</source>
        <translation>Kalan süre</translation>
    </message>
    <message>
        <source>Ja, verder lezen</source>
        <translation>Evet, okumaya devam ediyorum</translation>
    </message>
    <message>
        <source>Over %1 seconden begint de presentatie opnieuw.</source>
        <translation>Slayt gösterisi %1 saniye sonra yeniden başlıyor.</translation>
    </message>
    <message>
        <source>Over 1 seconde begint de presentatie opnieuw.</source>
        <translation>Slayt gösterisi 1 saniye sonra yeniden başlıyor.</translation>
    </message>
</context>
<context>
    <name>SignsScreen</name>
    <message>
        <source>‹ Terug</source>
        <translation>‹ Geri</translation>
    </message>
    <message>
        <source>Volgende ›</source>
        <translation>Sonraki ›</translation>
    </message>
    <message>
        <source>Contact en QR-code</source>
        <translation>İletişim ve QR kodu</translation>
    </message>
    <message>
        <source>Klaar</source>
        <translation>Tamam</translation>
    </message>
    <message>
        <source>Signaal %1 van %2</source>
        <translation>Belirti %1 / %2</translation>
    </message>
    <message>
        <source>✓ Dit herken ik</source>
        <translation>✓ Bunu tanıyorum</translation>
    </message>
    <message>
        <source>Dit herken ik</source>
        <translation>Bunu tanıyorum</translation>
    </message>
    <message>
        <source>Herken je iets hiervan? Je bent niet de enige.</source>
        <translation>Bunlardan birini tanıyor musunuz? Yalnız değilsiniz.</translation>
    </message>
    <message>
        <source>Fijn dat je even hebt gekeken.</source>
        <translation>Göz attığınız için teşekkürler.</translation>
    </message>
    <message>
        <source>Merk je later dat het minder goed met je gaat? Praat erover met je huisarts, verloskundige of een psycholoog.</source>
        <translation>İleride kendinizi daha kötü hissettiğinizi fark ederseniz, aile hekiminizle, ebenizle veya bir psikologla konuşun.</translation>
    </message>
</context>
<context>
    <name>SlideRenderer</name>
    <message>
        <source>Scan voor contact</source>
        <translation>İletişim için tarayın</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-posta</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>İnternet sitesi</translation>
    </message>
</context>
<context>
    <name>SlideShow</name>
    <message>
        <source>Bekijk de signalen</source>
        <translation>Belirtilere bakın</translation>
    </message>
</context>
<context>
    <name>SpeechControls</name>
    <message>
        <source>Stop met voorlezen</source>
        <translation>Sesli okumayı durdur</translation>
    </message>
    <message>
        <source>Lees voor</source>
        <translation>Sesli oku</translation>
    </message>
    <message>
        <source>Zachter</source>
        <translation>Daha kısık</translation>
    </message>
    <message>
        <source>Harder</source>
        <translation>Daha yüksek</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Herken je de signalen?</source>
        <translation>Belirtileri tanıyor musunuz?</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>İletişim</translation>
    </message>
</context>
</TS>
