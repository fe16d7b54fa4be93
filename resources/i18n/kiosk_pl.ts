<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL" sourcelanguage="nl">
<context>
    <name>BottomBar</name>
    <message>
        <source>‹ Vorige</source>
        <translation>‹ Wstecz</translation>
    </message>
    <message>
        <source>Volgende ›</source>
        <translation>Dalej ›</translation>
    </message>
    <message>
        <source>Tik op het scherm om zelf te bladeren</source>
        <translation>Dotknij ekranu, aby samodzielnie przeglądać</translation>
    </message>
    <message>
        <source>Grotere letters</source>
        <translation>Większe litery</translation>
    </message>
    <message>
        <source>Sterk contrast</source>
        <translation>Wysoki kontrast</translation>
    </message>
    <message>
        <source>Taal kiezen</source>
        <translation>Wybierz język</translation>
    </message>
</context>
<context>
    <name>ContactScreen</name>
    <message>
        <source>‹ Terug</source>
        <translation>‹ Wróć</translation>
    </message>
    <message>
        <source>Scan met de camera van je telefoon</source>
        <translation>Zeskanuj aparatem telefonu</translation>
    </message>
    <message>
        <source>Print een folder</source>
        <translation>Wydrukuj ulotkę</translation>
    </message>
    <message>
        <source>Volgende ›</source>
        <translation>Dalej ›</translation>
    </message>
    <message>
        <source>Printstatus</source>
        <translation>Stan drukowania</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Strona internetowa</translation>
    </message>
    <message>
        <source>Wordt afgedrukt…</source>
        <translation>Drukowanie…</translation>
    </message>
    <message>
        <source>Dank je wel! Je folder komt uit de printer.</source>
        <translation>Dziękujemy! Twoja ulotka wychodzi z drukarki.</translation>
    </message>
    <message>
        <source>Printen lukt hier nu niet. Scan de QR-code met je telefoon: dan heb je alles bij de hand.</source>
        <translation>Drukowanie nie jest teraz możliwe. Zeskanuj kod QR telefonem: wtedy wszystko będzie pod ręką.</translation>
    </message>
    <message>
        <source>Het printen is niet gelukt. Scan de QR-code met je telefoon, of vraag het aan de balie.</source>
        <translation>Nie udało się wydrukować. Zeskanuj kod QR telefonem albo zapytaj w recepcji.</translation>
    </message>
    <message>
        <source>De printer neemt nu even geen folders aan. Scan de QR-code met je telefoon, of vraag het aan de balie.</source>
        <translation>Drukarka chwilowo nie przyjmuje ulotek. Zeskanuj kod QR telefonem albo zapytaj w recepcji.</translation>
    </message>
    <message>
        <source>De printer staat even stil. Scan de QR-code met je telefoon, of vraag het aan de balie.</source>
        <translation>Drukarka jest chwilowo zatrzymana. Zeskanuj kod QR telefonem albo zapytaj w recepcji.</translation>
    </message>
    <message>
        <source>Het papier is op. Scan de QR-code met je telefoon, of vraag een folder aan de balie.</source>
        <translation>Skończył się papier. Zeskanuj kod QR telefonem albo poproś o ulotkę w recepcji.</translation>
    </message>
    <message>
        <source>De printer reageert niet. Scan de QR-code met je telefoon, of vraag het aan de balie.</source>
        <translation>Drukarka nie odpowiada. Zeskanuj kod QR telefonem albo zapytaj w recepcji.</translation>
    </message>
    <message>
        <source>Er is net een folder geprint. Probeer het zo nog eens, of scan de QR-code.</source>
        <translation>Przed chwilą wydrukowano ulotkę. Spróbuj za moment albo zeskanuj kod QR.</translation>
    </message>
    <message>
        <source>De folders zijn voor vandaag op. Scan de QR-code met je telefoon.</source>
        <translation>Na dziś ulotki się skończyły. Zeskanuj kod QR telefonem.</translation>
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
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Strona internetowa</translation>
    </message>
    <message>
        <source>Bereikbaar</source>
        <translation>Godziny kontaktu</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Scan met je telefoon
om onze gegevens op te slaan</source>
        <translation>Zeskanuj telefonem,
aby zapisać nasze dane</translation>
    </message>
    <message>
        <source>Scan met je telefoon
voor meer informatie</source>
        <translation>Zeskanuj telefonem,
aby dowiedzieć się więcej</translation>
    </message>
    <message>
        <source>Bel</source>
        <translation>Zadzwoń:</translation>
    </message>
    <message>
        <source>Herken je deze signalen?</source>
        <translation>Czy rozpoznajesz te sygnały?</translation>
    </message>
    <message>
        <source>Wat kun je doen?</source>
        <translation>Co możesz zrobić?</translation>
    </message>
    <message>
        <source>Gecontroleerd op %1 door %2</source>
        <translation>Sprawdzone %1, sprawdził(a): %2</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Źródło</translation>
    </message>
    <message>
        <source>Belangrijk om te weten</source>
        <translation>Ważne informacje</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>We zijn nu gesloten</source>
        <translation>Teraz jest zamknięte</translation>
    </message>
    <message>
        <source>Open: </source>
        <translation>Otwarte: </translation>
    </message>
    <message>
        <source>Dit scherm is even buiten gebruik</source>
        <translation>Ten ekran jest chwilowo nieczynny</translation>
    </message>
    <message>
        <source>Heb je een vraag? Stel die gerust aan de balie.</source>
        <translation>Masz pytanie? Śmiało zapytaj w recepcji.</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Voorlezen staat uit.</source>
        <translation>Czytanie na głos jest wyłączone.</translation>
    </message>
    <message>
        <source>Voorlezen staat aan: ik lees elk scherm voor.</source>
        <translation>Czytanie na głos jest włączone: przeczytam ci każdy ekran.</translation>
    </message>
    <message>
        <source>Met Tab of de pijltjestoetsen ga je naar een knop, en ik noem hem; Enter kiest hem. Op het scherm tik je zoals altijd.</source>
        <translation>Tab lub strzałki przenoszą cię do przycisku, a ja mówię jego nazwę; Enter go wybiera. Na ekranie dotykasz jak zwykle.</translation>
    </message>
    <message>
        <source>Plus en min maken het voorlezen harder of zachter.</source>
        <translation>Plus i minus zwiększają lub zmniejszają głośność czytania.</translation>
    </message>
    <message>
        <source>F1, of twee vingers twee tellen op het scherm, zet het voorlezen uit.</source>
        <translation>F1 albo dwa palce przytrzymane na ekranie przez dwie sekundy wyłączają czytanie na głos.</translation>
    </message>
    <message>
        <source>Steek eerst je koptelefoon in de koptelefoonaansluiting van de kiosk.</source>
        <translation>Najpierw podłącz słuchawki do gniazda słuchawkowego kiosku.</translation>
    </message>
</context>
<context>
    <name>ReadingQuestion</name>
    <message>
        <source>Ben je nog aan het lezen?</source>
        <translation>Czy nadal czytasz?</translation>
    </message>
    <message>
        <source>Tijd over</source>
        <translation>Pozostały czas</translation>
    </message>
    <message>
        <source>Ja, verder lezen</source>
        <translation>Tak, czytam dalej</translation>
    </message>
    <message>
        <source>Over %1 seconden begint de presentatie opnieuw.</source>
        <translation>Prezentacja zacznie się od nowa za %1 s.</translation>
    </message>
    <message>
        <source>Over 1 seconde begint de presentatie opnieuw.</source>
        <translation>Prezentacja zacznie się od nowa za 1 sekundę.</translation>
    </message>
</context>
<context>
    <name>SignsScreen</name>
    <message>
        <source>‹ Terug</source>
        <translation>‹ Wróć</translation>
    </message>
    <message>
        <source>Volgende ›</source>
        <translation>Dalej ›</translation>
    </message>
    <message>
        <source>Contact en QR-code</source>
        <translation>Kontakt i kod QR</translation>
    </message>
    <message>
        <source>Klaar</source>
        <translation>Gotowe</translation>
    </message>
    <message>
        <source>Signaal %1 van %2</source>
        <translation>Sygnał %1 z %2</translation>
    </message>
    <message>
        <source>✓ Dit herken ik</source>
        <translation>✓ Rozpoznaję to</translation>
    </message>
    <message>
        <source>Dit herken ik</source>
        <translation>Rozpoznaję to</translation>
    </message>
    <message>
        <source>Herken je iets hiervan? Je bent niet de enige.</source>
        <translation>Rozpoznajesz coś z tego? Nie tylko ty tak masz.</translation>
    </message>
    <message>
        <source>Fijn dat je even hebt gekeken.</source>
        <translation>Dziękujemy za chwilę uwagi.</translation>
    </message>
    <message>
        <source>Merk je later dat het minder goed met je gaat? Praat erover met je huisarts, verloskundige of een psycholoog.</source>
        <translation>Jeśli później zauważysz, że czujesz się gorzej, porozmawiaj o tym z lekarzem rodzinnym, położną lub psychologiem.</translation>
    </message>
</context>
<context>
    <name>SlideRenderer</name>
    <message>
        <source>Scan voor contact</source>
        <translation>Zeskanuj, by się skontaktować</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Strona internetowa</translation>
    </message>
</context>
<context>
    <name>SlideShow</name>
    <message>
        <source>Bekijk de signalen</source>
        <translation>Zobacz sygnały</translation>
    </message>
</context>
<context>
    <name>SpeechControls</name>
    <message>
        <source>Stop met voorlezen</source>
        <translation>Zatrzymaj czytanie</translation>
    </message>
    <message>
        <source>Lees voor</source>
        <translation>Czytaj na głos</translation>
    </message>
    <message>
        <source>Zachter</source>
        <translation>Ciszej</translation>
    </message>
    <message>
        <source>Harder</source>
        <translation>Głośniej</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Herken je de signalen?</source>
        <translation>Rozpoznajesz sygnały?</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
</context>
</TS>
