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
    }
}
