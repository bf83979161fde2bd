//! The back office's texts: only the clerks' bundle carries them.

super::messages! {
    /// A back-office text.
    Office {
        Queues => "Sprawy do załatwienia", "Work queues", "Черги справ";
        QueueMine => "Moje", "Mine", "Мої";
        QueueDepartment => "Mojego referatu", "My department's", "Мого відділу";
        QueueAll => "Wszystkie", "All", "Усі";
        DueAny => "Każdy termin", "Any deadline", "Будь-який термін";
        DueSoon => "Termin w ciągu 7 dni", "Due within 7 days", "Термін протягом 7 днів";
        DueOverdue => "Po terminie", "Overdue", "Прострочені";
        Queue => "Kolejka", "Queue", "Черга";
        Deadline => "Termin", "Deadline", "Термін";
        Filter => "Pokaż", "Show", "Показати";
        NoCases => "Brak spraw w tym widoku.", "No cases in this view.", "У цьому поданні немає справ.";
        Overdue => "po terminie", "overdue", "прострочено";
        Applicant => "Wnioskodawca", "Applicant", "Заявник";
        Subject => "Sprawa", "Matter", "Справа";
        Assignee => "Referent", "Clerk", "Виконавець";
        Nobody => "nieprzydzielona", "unassigned", "не призначено";
        Registry => "Dziennik korespondencji", "Registry of correspondence", "Журнал кореспонденції";
        Year => "Rok", "Year", "Рік";
        Channel => "Sposób wpływu", "Channel", "Спосіб надходження";
        Sender => "Nadawca", "Sender", "Відправник";
        ChannelPortal => "portal", "portal", "портал";
        ChannelPaper => "papier", "paper", "папір";
        ChannelElectronic => "ePUAP / e-Doręczenia", "ePUAP / e-Doręczenia", "ePUAP / e-Doręczenia";
        ChannelEmail => "e-mail", "e-mail", "e-mail";
        NewLetter => "Zarejestruj pismo", "Register a letter", "Зареєструвати лист";
        SenderName => "Nadawca (imię i nazwisko lub nazwa)", "Sender (name)", "Відправник (ім'я або назва)";
        SenderPesel => "PESEL nadawcy (łączy sprawę z jego kontem)", "Sender's PESEL (links the case to their account)", "PESEL відправника (пов'язує справу з його обліковим записом)";
        ReceivedOn => "Data wpływu", "Date received", "Дата надходження";
        Department => "Referat", "Department", "Відділ";
        Jrwa => "Klasa JRWA", "JRWA class", "Клас JRWA";
        Period => "Termin ustawowy", "Statutory period", "Встановлений законом строк";
        Period1m => "1 miesiąc (KPA art. 35 § 3)", "1 month (KPA art. 35 § 3)", "1 місяць (KPA ст. 35 § 3)";
        Period2m => "2 miesiące — sprawa szczególnie skomplikowana", "2 months — a particularly complex case", "2 місяці — особливо складна справа";
        Period14d => "14 dni", "14 days", "14 днів";
        Period7d => "7 dni (zaświadczenie, KPA art. 217)", "7 days (certificate, KPA art. 217)", "7 днів (довідка, KPA ст. 217)";
        Scans => "Skan pisma (PDF, JPEG lub PNG)", "Scan of the letter (PDF, JPEG or PNG)", "Скан листа (PDF, JPEG або PNG)";
        Register => "Zarejestruj", "Register", "Зареєструвати";
        Assign => "Dekretacja", "Assignment", "Призначення";
        AssignTo => "Przydziel", "Assign", "Призначити";
        DepartmentQueue => "— kolejka referatu —", "— the department's queue —", "— черга відділу —";
        KeepJrwa => "— bez zmiany —", "— unchanged —", "— без змін —";
        AskCompletion => "Wezwij do uzupełnienia", "Ask for completion", "Викликати для доповнення";
        WhatMissing => "Czego brakuje", "What is missing", "Чого бракує";
        Days => "Dni na uzupełnienie (co najmniej 7)", "Days to complete (at least 7)", "Днів на доповнення (щонайменше 7)";
        SendRequest => "Wyślij wezwanie", "Send the request", "Надіслати виклик";
        Delay => "Zawiadom o niezałatwieniu sprawy w terminie (art. 36 KPA)", "Notify that the case will be late (KPA art. 36)", "Повідомити про нерозгляд справи у строк (ст. 36 KPA)";
        DelayReason => "Przyczyna zwłoki", "Reason for the delay", "Причина затримки";
        NewDueOn => "Nowy termin załatwienia sprawy", "New date for the decision", "Новий строк розгляду справи";
        SendDelay => "Wyślij zawiadomienie", "Send the notice", "Надіслати повідомлення";
        Decision => "Decyzja", "Decision", "Рішення";
        Granted => "Pozytywna (zgoda)", "Granted", "Позитивне (згода)";
        Refused => "Odmowna", "Refused", "Відмовне";
        DecisionText => "Rozstrzygnięcie i uzasadnienie", "Ruling and reasons", "Рішення та обґрунтування";
        IssueDecision => "Wydaj i doręcz decyzję", "Issue and deliver the decision", "Видати й доручити рішення";
        Close => "Zakończ i przekaż do archiwum", "Close and archive", "Закрити й передати до архіву";
        CloseNote => "Sprawa trafi do archiwum z kategorią archiwalną swojej klasy JRWA.",
            "The case goes to the archive under its JRWA class's archive category.",
            "Справу буде передано до архіву з архівною категорією її класу JRWA.";
        Done => "Zapisano.", "Saved.", "Збережено.";
        Retention => "Kategoria archiwalna", "Archive category", "Архівна категорія";
        BackToQueues => "Wróć do kolejek", "Back to the queues", "Повернутися до черг";
        NoEntries => "Brak wpisów w tym roku.", "No entries this year.", "У цьому році записів немає.";
        CaseLink => "Sprawa", "Case", "Справа";
        TaxDesk => "Podatki i opłaty", "Taxes and fees", "Податки та збори";
        TaxTaxpayers => "Podatnicy", "Taxpayers", "Платники";
        TaxImport => "Import decyzji i wyciągów", "Import assessments and statements", "Імпорт рішень і виписок";
        TaxUnmatched => "Wpłaty nieprzypisane", "Unmatched payments", "Неприв'язані платежі";
        TaxSearch => "Szukaj: nazwa, numer lub rachunek", "Search: name, number or account", "Пошук: назва, номер або рахунок";
        TaxOnlyArrears => "Tylko z zaległościami", "Only those in arrears", "Лише із заборгованістю";
        TaxNumber => "Nr", "No.", "№";
        TaxName => "Podatnik", "Taxpayer", "Платник";
        TaxAccount => "Rachunek", "Account", "Рахунок";
        TaxOverdue => "Zaległość", "Overdue", "Заборгованість";
        TaxInterest => "Odsetki dziś", "Interest today", "Пеня сьогодні";
        TaxSince => "Zaległe od", "Overdue since", "Прострочено з";
        TaxUpcoming => "Raty przyszłe", "Still to come", "Майбутні внески";
        TaxOverpayment => "Nadpłata", "Overpayment", "Переплата";
        TaxNone => "Brak podatników w tym widoku.", "No taxpayers in this view.", "У цьому поданні немає платників.";
        TaxAssessmentsFile => "Decyzje wymiarowe (CSV)", "Assessments (CSV)", "Рішення про нарахування (CSV)";
        TaxAssessmentsHint => "Jeden wiersz na przedmiot opodatkowania, kolumny: numer_podatnika; nazwa; rodzaj; pesel_nip; rok; zobowiazanie; numer_decyzji; data_decyzji; przedmiot; podstawa; jednostka; stawka; kwota. Raty i terminy wylicza system z ustawy. Plik z błędem nie jest importowany w ogóle.",
            "One row per taxed object, columns: numer_podatnika; nazwa; rodzaj; pesel_nip; rok; zobowiazanie; numer_decyzji; data_decyzji; przedmiot; podstawa; jednostka; stawka; kwota. Instalments and due dates follow the statutes. A file with an error is not imported at all.",
            "Один рядок на об'єкт оподаткування, стовпці: numer_podatnika; nazwa; rodzaj; pesel_nip; rok; zobowiazanie; numer_decyzji; data_decyzji; przedmiot; podstawa; jednostka; stawka; kwota. Внески й терміни обчислюються за законом. Файл із помилкою не імпортується взагалі.";
        TaxStatementFile => "Wyciąg bankowy (CSV lub MT940)", "Bank statement (CSV or MT940)", "Банківська виписка (CSV або MT940)";
        TaxStatementHint => "CSV: data_ksiegowania; kwota; rachunek; nadawca; tytul; identyfikator. MT940 tak, jak eksportuje bank. Wpłaty są przypisywane po indywidualnym rachunku; ten sam plik ani ta sama wpłata nie zostaną policzone drugi raz.",
            "CSV: data_ksiegowania; kwota; rachunek; nadawca; tytul; identyfikator. MT940 as the bank exports it. Payments are matched by the individual account; the same file or the same payment is never counted twice.",
            "CSV: data_ksiegowania; kwota; rachunek; nadawca; tytul; identyfikator. MT940 у форматі експорту банку. Платежі зараховуються за індивідуальним рахунком; той самий файл чи платіж не буде зараховано вдруге.";
        TaxImportButton => "Importuj", "Import", "Імпортувати";
        TaxChooseFile => "Najpierw wybierz plik.", "Choose a file first.", "Спочатку виберіть файл.";
        TaxAssessmentsDone => "Zaimportowano decyzji: {assessments}, rat: {instalments}, na kwotę {total}. Nowych podatników: {created}.",
            "Imported {assessments} assessments with {instalments} instalments, {total} in all. New taxpayers: {created}.",
            "Імпортовано рішень: {assessments}, внесків: {instalments}, на суму {total}. Нових платників: {created}.";
        TaxStatementDone => "Wyciąg {format}: wpłat {credits}, przypisanych {matched}, do przypisania ręcznie {unmatched}, znanych wcześniej {known}, pominiętych obciążeń {debits}; nowe wpłaty razem {total}.",
            "Statement {format}: {credits} credits, {matched} matched, {unmatched} to match by hand, {known} known before, {debits} debits skipped; new credits {total} in all.",
            "Виписка {format}: надходжень {credits}, зараховано {matched}, для ручного зарахування {unmatched}, відомих раніше {known}, пропущено списань {debits}; нові надходження разом {total}.";
        TaxStatements => "Zaimportowane wyciągi", "Imported statements", "Імпортовані виписки";
        TaxImportedAt => "Zaimportowano", "Imported", "Імпортовано";
        TaxFileName => "Plik", "File", "Файл";
        TaxCredits => "Wpłaty", "Credits", "Надходження";
        TaxMatched => "Przypisane", "Matched", "Зараховано";
        TaxTotal => "Razem", "Total", "Разом";
        TaxNoStatements => "Nie zaimportowano jeszcze wyciągu.", "No statement imported yet.", "Виписок ще не імпортовано.";
        TaxNoUnmatched => "Wszystkie wpłaty są przypisane.", "Every payment is matched.", "Усі платежі зараховано.";
        TaxPaidOn => "Data", "Date", "Дата";
        TaxPayer => "Nadawca", "Payer", "Відправник";
        TaxTitle => "Tytuł", "Title", "Призначення";
        TaxAmount => "Kwota", "Amount", "Сума";
        TaxMatchTo => "Numer podatnika", "Taxpayer number", "Номер платника";
        TaxReason => "Powód (trafia do rejestru zmian)", "Reason (goes into the audit log)", "Причина (записується до журналу змін)";
        TaxMatch => "Przypisz", "Match", "Зарахувати";
        TaxMatchedDone => "Wpłata przypisana do podatnika nr {number}.", "Payment matched to taxpayer no. {number}.", "Платіж зараховано платнику № {number}.";
        TaxUnmatch => "Odłącz tę wpłatę od podatnika", "Take this payment off the taxpayer", "Від'єднати цей платіж від платника";
        TaxUnmatchedDone => "Wpłata wróciła do nieprzypisanych.", "The payment is back among the unmatched.", "Платіж повернуто до неприв'язаних.";
        TaxCorrect => "Koryguj kwotę decyzji", "Correct the amount", "Виправити суму рішення";
        TaxNewAmount => "Nowa kwota roczna w zł", "New year's amount in złoty", "Нова річна сума в злотих";
        TaxDecisionNumber => "Numer decyzji zmieniającej", "The changing decision's number", "Номер рішення про зміну";
        TaxSave => "Zapisz korektę", "Save the correction", "Зберегти виправлення";
        TaxCorrections => "Korekty", "Corrections", "Виправлення";
        TaxNoCorrections => "Bez korekt.", "No corrections.", "Виправлень немає.";
        TaxActionMatched => "przypisanie wpłaty", "payment matched", "зарахування платежу";
        TaxActionUnmatched => "odłączenie wpłaty", "payment taken off", "від'єднання платежу";
        TaxActionCorrected => "korekta decyzji", "assessment corrected", "виправлення рішення";
        TaxWho => "Kto", "Who", "Хто";
        TaxWhen => "Kiedy", "When", "Коли";
        TaxWhat => "Co", "What", "Що";
        TaxPayments => "Wpłaty", "Payments", "Платежі";
        TaxNoPayments => "Brak wpłat.", "No payments.", "Платежів немає.";
        TaxDue => "Termin", "Due", "Термін";
        TaxPaid => "Zapłacono", "Paid", "Сплачено";
        TaxLeft => "Pozostało", "Left", "Залишок";
        TaxSource => "Źródło", "Source", "Джерело";
        TaxBalance => "Saldo na dziś", "Balance today", "Сальдо на сьогодні";
        TaxDecision => "Decyzja {number} z {date}, kwota roczna {amount}", "Decision {number} of {date}, year's amount {amount}", "Рішення {number} від {date}, річна сума {amount}";
        TaxKindProperty => "Podatek od nieruchomości", "Property tax", "Податок на нерухомість";
        TaxKindAgricultural => "Podatek rolny", "Agricultural tax", "Сільськогосподарський податок";
        TaxKindForest => "Podatek leśny", "Forest tax", "Лісовий податок";
        TaxKindJoint => "Łączne zobowiązanie pieniężne", "Joint liability", "Спільне грошове зобов'язання";
        TaxKindVehicle => "Podatek od środków transportowych", "Vehicle tax", "Податок на транспортні засоби";
        TaxKindWaste => "Opłata za odpady komunalne", "Waste-management fee", "Плата за вивезення відходів";
        TaxKindDog => "Opłata od posiadania psów", "Dog fee", "Збір за утримання собак";
        SchoolOffice => "Sekretariat szkoły", "School office", "Секретаріат школи";
        SchoolOfficeLead => "Klasy bieżącego roku szkolnego: uczniowie, ich rodzice i opiekunowie. Uczniów i opiekunów wczytasz z pliku CSV.",
            "This school year's classes: pupils and their parents and guardians. Pupils and guardians are imported from a CSV file.",
            "Класи поточного навчального року: учні, їхні батьки та опікуни. Учнів і опікунів можна завантажити з файлу CSV.";
        NumberCol => "Nr", "No.", "№";
        ClassCol => "Klasa", "Class", "Клас";
        FormTeacherCol => "Wychowawca", "Form teacher", "Класний керівник";
        PupilsCol => "Uczniowie", "Pupils", "Учні";
        WithoutGuardianCol => "Bez opiekuna w systemie", "No guardian linked", "Без опікуна в системі";
        PupilCol => "Uczeń", "Pupil", "Учень";
        GuardiansCol => "Rodzice i opiekunowie", "Parents and guardians", "Батьки та опікуни";
        NoLogin => "bez własnego konta", "no login of their own", "без власного облікового запису";
        ImportPupils => "Wczytaj uczniów i opiekunów", "Import pupils and guardians", "Завантажити учнів і опікунів";
        ImportPupilsHint => "Plik CSV z kolumnami uczen;pesel;email_ucznia;opiekun;email_opiekuna — jeden wiersz na ucznia i opiekuna (dwóch opiekunów: dwa wiersze). Plik z błędem nie zmienia niczego; nowe konta dostają e-mailem link do ustawienia hasła.",
            "A CSV file with the columns uczen;pesel;email_ucznia;opiekun;email_opiekuna — one row per pupil and guardian (two guardians: two rows). A file with a mistake changes nothing; new accounts get a link by e-mail to set their password.",
            "Файл CSV зі стовпцями uczen;pesel;email_ucznia;opiekun;email_opiekuna — один рядок на учня й опікуна (два опікуни — два рядки). Файл з помилкою нічого не змінює; нові облікові записи отримують e-mail з посиланням для встановлення пароля.";
        CsvFile => "Plik CSV", "CSV file", "Файл CSV";
        ImportedPupils => "Wczytano wierszy: {rows}. Nowi uczniowie w klasie: {enrolled}, nowe konta: {accounts}, nowe powiązania z opiekunami: {links}.",
            "Rows read: {rows}. Pupils newly in the class: {enrolled}, new accounts: {accounts}, guardians newly linked: {links}.",
            "Прочитано рядків: {rows}. Нові учні в класі: {enrolled}, нові облікові записи: {accounts}, нові зв'язки з опікунами: {links}.";
        SchoolCol => "Szkoła", "School", "Школа";
        SchoolYearOf => "Rok szkolny", "School year", "Навчальний рік";
        NewClass => "Nowa klasa", "New class", "Новий клас";
        ClassName => "Nazwa klasy", "Class name", "Назва класу";
        ClassNameHint => "Numer od 1 do 8 i litera, np. 4c.",
            "The year group 1 to 8 and a letter, e.g. 4c.",
            "Номер від 1 до 8 і літера, напр. 4c.";
        AddClass => "Dodaj klasę", "Add the class", "Додати клас";
        ClassAdded => "Dodano klasę {name}.", "Class {name} added.", "Клас {name} додано.";
        NoFormTeacher => "— bez wychowawcy —", "— no form teacher —", "— без класного керівника —";
        Subjects => "Przedmioty", "Subjects", "Предмети";
        SubjectName => "Nowy przedmiot", "New subject", "Новий предмет";
        AddSubject => "Dodaj przedmiot", "Add the subject", "Додати предмет";
        SubjectAdded => "Dodano przedmiot {name}.", "Subject {name} added.", "Предмет {name} додано.";
        SaveFormTeacher => "Zapisz wychowawcę", "Save the form teacher", "Зберегти класного керівника";
        SubjectTeachers => "Nauczyciele przedmiotów", "Subject teachers", "Вчителі предметів";
        SubjectTeachersHint => "Nauczyciel widzi oceny i frekwencję klasy tylko ze swoich przedmiotów, a wychowawca — całej klasy. Zmiana nauczyciela przekazuje mu też lekcje przedmiotu w planie.",
            "A teacher sees the class's grades and attendance of their own subjects only, the form teacher of the whole class. A new teacher also takes over the subject's lessons in the timetable.",
            "Вчитель бачить оцінки й відвідуваність класу лише зі своїх предметів, а класний керівник — усього класу. Новий учитель також отримує уроки предмета в розкладі.";
        NoTeacher => "— nikt —", "— nobody —", "— ніхто —";
        Save => "Zapisz", "Save", "Зберегти";
        MovePupil => "Przenieś ucznia do innej klasy", "Move a pupil to another class", "Перевести учня до іншого класу";
        MovePupilHint => "W tym samym roku szkolnym, zanim uczeń dostanie w obecnej klasie oceny lub frekwencję (także ucznia bez promocji, przed początkiem nowego roku). Uczeń dostaje ostatni numer w nowej klasie.",
            "Within the same school year, before the pupil has grades or attendance in their class (also a pupil not promoted, before the new year begins). The pupil gets the last number in the new class.",
            "У межах того самого навчального року, поки учень не має оцінок чи відвідуваності в поточному класі (також учня без переведення, до початку нового року). Учень отримує останній номер у новому класі.";
        ToClass => "Do klasy", "To class", "До класу";
        Move => "Przenieś", "Move", "Перевести";
        Authenticators => "Zgubiona aplikacja uwierzytelniająca", "A lost authenticator", "Втрачений автентифікатор";
        AuthenticatorsHint => "Gdy nauczyciel zgubi telefon z aplikacją, wyłącz ją tutaj, gdy upewnisz się, kto prosi. Nauczyciel zostanie wylogowany na wszystkich urządzeniach i dostanie e-mail; przy następnym logowaniu hasłem doda nowy klucz.",
            "When a teacher loses the phone with the app, end it here once you are sure who is asking. The teacher is logged out everywhere and gets an e-mail; at the next login with the password they add a new key.",
            "Коли вчитель втратить телефон із застосунком, вимкніть його тут, переконавшись, хто просить. Вчителя буде виведено з усіх пристроїв, і він отримає e-mail; під час наступного входу з паролем він додасть новий ключ.";
        TeacherCol => "Nauczyciel", "Teacher", "Вчитель";
        EndAuthenticator => "Wyłącz aplikację", "End the authenticator", "Вимкнути автентифікатор";
        AuthenticatorEnded => "Wyłączono aplikację uwierzytelniającą: {name}. Wysłano e-mail.", "Authenticator ended: {name}. An e-mail was sent.", "Автентифікатор вимкнено: {name}. Надіслано e-mail.";
        NoAuthenticators => "Żaden nauczyciel nie ma jeszcze aplikacji.", "No teacher has an authenticator yet.", "Жоден вчитель ще не має автентифікатора.";
        NewLink => "Nowy link do ustawienia hasła", "A new link to set the password", "Нове посилання для встановлення пароля";
        NewLinkHint => "Dla ucznia lub opiekuna, który nie ustawił jeszcze hasła (link działa 14 dni). Poprzednie linki przestają działać.",
            "For a pupil or guardian who has not set a password yet (a link works for 14 days). Earlier links stop working.",
            "Для учня або опікуна, який ще не встановив пароль (посилання діє 14 днів). Попередні посилання перестають діяти.";
        AccountCol => "Konto", "Account", "Обліковий запис";
        SendLink => "Wyślij nowy link", "Send a new link", "Надіслати нове посилання";
        LinkSent => "Wysłano nowy link: {name}.", "A new link was sent: {name}.", "Нове посилання надіслано: {name}.";
        Waiting => "czeka na ustawienie hasła", "has not set a password yet", "ще не встановив пароль";
        NobodyWaiting => "Wszyscy ustawili już hasła.", "Everyone has set a password.", "Усі вже встановили паролі.";
        Moved => "Uczeń jest teraz w klasie {name}.", "The pupil is now in class {name}.", "Учень тепер у класі {name}.";
        Rules => "Zasady ocen", "Grading rules", "Правила оцінювання";
        RulesHint => "Ile znaczą + i − w średniej (w setnych części oceny, np. 50 = 0,5) i wagi kategorii (0–10; 0 nie liczy się do średniej). Zmiana obowiązuje od razu we wszystkich średnich szkoły.",
            "What + and − are worth in averages (in hundredths of a grade, e.g. 50 = 0.5) and the categories' weights (0–10; 0 does not count). A change applies at once to every average of the school.",
            "Скільки важать + і − у середньому (у сотих частках оцінки, напр. 50 = 0,5) і ваги категорій (0–10; 0 не враховується). Зміна одразу діє для всіх середніх оцінок школи.";
        PlusWorth => "Plus dodaje (setne)", "A plus adds (hundredths)", "Плюс додає (соті)";
        MinusWorth => "Minus odejmuje (setne)", "A minus takes (hundredths)", "Мінус віднімає (соті)";
        Weights => "Wagi kategorii", "Weights of the categories", "Ваги категорій";
        SaveRules => "Zapisz zasady", "Save the rules", "Зберегти правила";
        CatTest => "sprawdzian", "test", "контрольна";
        CatQuiz => "kartkówka", "quiz", "коротка перевірка";
        CatHomework => "praca domowa", "homework", "домашнє завдання";
        CatOral => "odpowiedź ustna", "oral answer", "усна відповідь";
        CatActivity => "aktywność", "activity", "активність";
        Years => "Lata szkolne", "School years", "Навчальні роки";
        ShowYear => "Pokaż klasy roku", "Show the classes of", "Показати класи року";
        NewYear => "Nowy rok szkolny", "A new school year", "Новий навчальний рік";
        NewYearHint => "Nie może mieć wspólnych dni z innym rokiem szkoły. Z przeniesieniem klasy przechodzą o rok wyżej (6b → 7b) z uczniami, numerami, wychowawcą i nauczycielami; klasy ósme kończą szkołę. Ucznia bez promocji przeniesiesz potem na stronie klasy, a plan lekcji ułożysz od nowa.",
            "It cannot share a day with another year of the school. With promotion the classes go up a year group (6b → 7b) with their pupils, numbers, form teacher and teachers; the eighth classes finish school. Move a pupil who is not promoted on the class's page afterwards; the timetable is made anew.",
            "Не може мати спільних днів з іншим роком школи. З переведенням класи переходять на рік вище (6b → 7b) з учнями, номерами, класним керівником і вчителями; восьмі класи закінчують школу. Учня без переведення потім переведете на сторінці класу, а розклад складете заново.";
        StartsOn => "Pierwszy dzień", "First day", "Перший день";
        Term2On => "Pierwszy dzień II półrocza", "First day of term 2", "Перший день II семестру";
        EndsOn => "Ostatni dzień", "Last day", "Останній день";
        Promote => "Przenieś klasy poprzedniego roku o rok wyżej", "Take the year before's classes up a year group", "Перевести класи попереднього року на рік вище";
        AddYear => "Otwórz rok szkolny", "Open the school year", "Відкрити навчальний рік";
        YearAdded => "Otwarto rok {name}. Klasy przeniesione: {classes}, ich uczniowie: {pupils}, kończą szkołę: {graduates}.",
            "Year {name} opened. Classes taken up: {classes}, their pupils: {pupils}, finishing school: {graduates}.",
            "Відкрито рік {name}. Переведено класів: {classes}, їхніх учнів: {pupils}, закінчують школу: {graduates}.";
        Timetable => "Plan lekcji", "Timetable", "Розклад уроків";
        ClassTimetable => "Plan lekcji i zastępstwa", "Timetable and substitutions", "Розклад і заміни";
        BackToClass => "Wróć do klasy", "Back to the class", "Назад до класу";
        WeeklyPlan => "Plan tygodniowy", "Weekly timetable", "Тижневий розклад";
        PeriodCol => "Lekcja", "Period", "Урок";
        Monday => "poniedziałek", "Monday", "понеділок";
        Tuesday => "wtorek", "Tuesday", "вівторок";
        Wednesday => "środa", "Wednesday", "середа";
        Thursday => "czwartek", "Thursday", "четвер";
        Friday => "piątek", "Friday", "п'ятниця";
        ChangesOfWeek => "Zastępstwa i odwołane lekcje", "Substitutions and cancelled lessons", "Заміни та скасовані уроки";
        WeekBefore => "← Poprzedni tydzień", "← Previous week", "← Попередній тиждень";
        WeekAfter => "Następny tydzień →", "Next week →", "Наступний тиждень →";
        NoChanges => "W tym tygodniu nie ma zastępstw ani odwołanych lekcji.", "No substitutions or cancelled lessons this week.", "Цього тижня немає замін і скасованих уроків.";
        SlotEditor => "Lekcja w planie", "A lesson of the timetable", "Урок у розкладі";
        SlotEditorHint => "Wybierz dzień i godzinę lekcyjną, potem przedmiot (z jego nauczycielem w tej klasie) i salę. „Wolne” usuwa lekcję z planu. Lekcji, która ma już frekwencję lub zastępstwa, można zmienić tylko salę.",
            "Choose the day and the period, then the subject (with its teacher in this class) and the room. \u{201c}Free\u{201d} takes the lesson out of the timetable. A lesson that already has attendance or substitutions can only change its room.",
            "Виберіть день і урок, потім предмет (з його вчителем у цьому класі) і кабінет. «Вільно» прибирає урок із розкладу. Уроку, який уже має відвідуваність або заміни, можна змінити лише кабінет.";
        Weekday => "Dzień tygodnia", "Weekday", "День тижня";
        SubjectCol => "Przedmiot", "Subject", "Предмет";
        FreeSlot => "— wolne (bez lekcji) —", "— free (no lesson) —", "— вільно (без уроку) —";
        RoomCol => "Sala", "Room", "Кабінет";
        SaveSlot => "Zapisz lekcję", "Save the lesson", "Зберегти урок";
        SlotSaved => "Plan zapisany.", "Timetable saved.", "Розклад збережено.";
        Cancelled => "odwołana", "cancelled", "скасовано";
        Substitution => "zastępstwo", "substitution", "заміна";
        RemoveChange => "Usuń zmianę", "Remove the change", "Видалити зміну";
        ChangeSaved => "Zmiana zapisana: rodzice i uczniowie zobaczą ją w planie tego dnia.", "Change saved: parents and pupils see it in that day's timetable.", "Зміну збережено: батьки й учні побачать її в розкладі цього дня.";
        ChangeEditor => "Zastępstwo lub odwołanie lekcji", "A substitution or a cancelled lesson", "Заміна або скасування уроку";
        LessonCol => "Lekcja w tym tygodniu", "Lesson this week", "Урок цього тижня";
        ChangeKind => "Zmiana", "Change", "Зміна";
        SubstituteCol => "Nauczyciel zastępujący", "Substitute teacher", "Учитель на заміну";
        ChangeNote => "Uwaga dla rodziców i uczniów (nieobowiązkowa)", "Note for parents and pupils (optional)", "Примітка для батьків і учнів (необов'язково)";
        SaveChange => "Zapisz zmianę", "Save the change", "Зберегти зміну";
        Schools => "Szkoły gminy", "The gmina's schools", "Школи гміни";
        SchoolsLead => "Szkoły podstawowe prowadzone przez gminę i ich sekretariaty, które prowadzą klasy, uczniów i plan lekcji.", "The primary schools the gmina runs and their offices, which keep the classes, pupils and timetable.", "Початкові школи гміни та їхні секретаріати, які ведуть класи, учнів і розклад.";
        ClassesCol => "Klasy", "Classes", "Класи";
        NewSchool => "Dodaj szkołę", "Add a school", "Додати школу";
        NewSchoolHint => "Szkoła dostaje bieżący rok szkolny, domyślny dzwonek (8 lekcji od 8:00) i wagi ocen; resztę ustawia jej sekretariat.", "The school gets the current school year, the default bell (8 periods from 8:00) and grade weights; its office sets the rest.", "Школа отримує поточний навчальний рік, типовий дзвоник (8 уроків з 8:00) і ваги оцінок; решту налаштовує її секретаріат.";
        SchoolName => "Nazwa szkoły", "School name", "Назва школи";
        AddSchool => "Dodaj szkołę", "Add the school", "Додати школу";
        SchoolAdded => "Dodano szkołę {name} z rokiem szkolnym {year}.", "School {name} added with the school year {year}.", "Додано школу {name} з навчальним роком {year}.";
        NewOffice => "Sekretariat szkoły: dodaj osobę", "A school's office: add a person", "Секретаріат школи: додати особу";
        NewOfficeHint => "Nowa osoba dostanie e-mail z linkiem do ustawienia hasła; przy pierwszym logowaniu doda aplikację uwierzytelniającą. Konto, które już jest w portalu, dostaje tylko uprawnienie.", "A new person gets an e-mail with a link to set a password and adds an authenticator at the first login. An account already in the portal only gets the role.", "Нова особа отримає e-mail із посиланням для встановлення пароля і додасть автентифікатор під час першого входу. Обліковий запис, який уже є в порталі, отримує лише роль.";
        PersonName => "Imię i nazwisko", "Name", "Ім'я та прізвище";
        PersonEmail => "Adres e-mail", "E-mail address", "Адреса e-mail";
        AddOffice => "Dodaj do sekretariatu", "Add to the office", "Додати до секретаріату";
        OfficeAdded => "Dodano {email} do sekretariatu: {school}.", "{email} added to the office of {school}.", "{email} додано до секретаріату: {school}.";
        RemoveOffice => "Sekretariat szkoły: odbierz dostęp", "A school's office: take access away", "Секретаріат школи: забрати доступ";
        RemoveOfficeButton => "Odbierz dostęp", "Take access away", "Забрати доступ";
        OfficeAuthenticatorHint => "Gdy osoba z sekretariatu zgubi telefon z aplikacją, wyłącz ją tutaj, gdy upewnisz się, kto prosi. Zostanie wylogowana na wszystkich urządzeniach i dostanie e-mail; przy następnym logowaniu hasłem doda nowy klucz.", "When someone of a school's office loses the phone with the authenticator, end it here once you are sure who asks. They are logged out everywhere and get an e-mail; at their next login they add a new key.", "Коли працівник секретаріату втратить телефон з автентифікатором, вимкніть його тут, переконавшись, хто просить. Його буде виведено з усіх пристроїв, і він отримає e-mail; під час наступного входу додасть новий ключ.";
        OfficePerson => "Osoba z sekretariatu", "Person of the office", "Працівник секретаріату";
        ScaleTitle => "Oceny śródroczne i roczne w klasach 1–3", "Term and year grades in classes 1–3", "Семестрові та річні оцінки в класах 1–3";
        ScaleHint => "W klasach 1–3 oceny śródroczne i roczne są opisowe (art. 44i ust. 1 ustawy o systemie oświaty). Religia i etyka nie są przedmiotami obowiązkowymi i mają oceny w skali 1–6 — zaznacz to dla nich. Po wystawieniu takiej oceny w klasach 1–3 ustawienia nie można zmienić.", "In classes 1–3 term and year grades are descriptions (art. 44i(1) of the School Education Act). Religion and ethics are not compulsory subjects and are graded 1–6 — tick this for them. Once such a grade is given in classes 1–3 the setting cannot change.", "У класах 1–3 семестрові та річні оцінки описові (ст. 44i п. 1 закону про систему освіти). Релігія та етика не є обов'язковими предметами й оцінюються за шкалою 1–6 — позначте це для них. Після виставлення такої оцінки в класах 1–3 налаштування змінити не можна.";
        OnScale => "Oceny w skali 1–6 także w klasach 1–3", "Graded 1–6 in classes 1–3 too", "Оцінки за шкалою 1–6 також у класах 1–3";
        OnScaleMark => "klasy 1–3: skala 1–6", "classes 1–3: graded 1–6", "класи 1–3: шкала 1–6";
        SaveScale => "Zapisz ustawienie ocen", "Save the grading setting", "Зберегти налаштування оцінок";
        ScaleSaved => "Zapisano ustawienie ocen przedmiotu {name}.", "Grading setting of {name} saved.", "Збережено налаштування оцінок предмета {name}.";
    }
}
